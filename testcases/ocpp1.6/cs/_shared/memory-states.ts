/**
 * OCPP 1.6 `_CS`: the memory states of the OCTT 1.6 document §2.26 (FINAL 2024-04): IdTagCached,
 * IdTagLocalAuthList, CertificateInstalled, RenewChargePointCertificate, SetChargingProfile. What
 * they leave on the charge point (a local list, a charging profile) is recorded in the ledger so
 * the restore takes it away again (§1.3: no local list, no charging schedules).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, ledgerOf, noteTransactionEnded, presentIdTag, status, unplug } from './charge-point.js';
import { applyConfigurationStates } from './config-states.js';
import { chargingState, connectorOf, idTagOf } from './reusable-states.js';

/**
 * IdTagCached (§2.26 Table 112): with AuthorizationCacheEnabled true, a Charging state, then the
 * idTag presented again: StopTransaction.req of that transaction and Finishing (either order),
 * unplug: Available. The idTag is in the cache afterwards.
 */
export async function idTagCachedState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  await applyConfigurationStates(ctx, [{ key: 'AuthorizationCacheEnabled', value: 'true' }]);
  const transactionId = await chargingState(ctx, params);
  await ctx.step('IdTagCached state steps 1-4: present the idTag again: StopTransaction.req, StatusNotification.req Finishing', async () => {
    await presentIdTag(ctx, idTag, connectorId);
    const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
      anyOrder: 'OCTT 1.6 §2.26 IdTagCached: "Steps 1 and 3 may be reversed"',
    });
    noteTransactionEnded(ctx, connectorId);
    ctx.check('StopTransaction.req transactionId is the one of the Charging state', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop) });
    ctx.check('StatusNotification.req status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn) });
  });
  await ctx.step('IdTagCached state steps 5-6: unplug on both sides: StatusNotification.req Available', async () => {
    await unplug(ctx, connectorId);
    await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
  });
}

/** IdTagLocalAuthList (§2.26 Table 113): with LocalAuthListEnabled true, SendLocalList version 1 with the idTag Accepted: Accepted. */
export async function idTagLocalAuthListState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const idTag = idTagOf(ctx, params);
  await applyConfigurationStates(ctx, [{ key: 'LocalAuthListEnabled', value: 'true' }]);
  await ctx.step('IdTagLocalAuthList state: SendLocalList.req version 1 with the idTag Accepted: Accepted', async () => {
    const res = await ctx.call('SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag, idTagInfo: { status: 'Accepted' } }] });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    if (answer === 'Accepted') ledgerOf(ctx).localList = true;
    ctx.check('SendLocalList.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
  });
}

/**
 * CertificateInstalled (§2.26 Table 114): GetInstalledCertificateIds (Accepted); InstallCertificate
 * of the root certificate only when it is not installed yet (Accepted). The certificate is the
 * run's configured one (`extra.centralSystemRootCertificatePem`); without it the state cannot be set.
 */
export async function certificateInstalledState(ctx: TestContext): Promise<void> {
  const pem = ctx.config.extra['centralSystemRootCertificatePem'];
  await ctx.step('CertificateInstalled state: GetInstalledCertificateIds.req, InstallCertificate.req when not installed', async () => {
    const res = await ctx.call('GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    // NotFound is the answer of a charge point without such a certificate (Security Whitepaper §4.2): then it is installed below.
    ctx.check('GetInstalledCertificateIds.conf status is Accepted (or NotFound: none installed yet)', answer === 'Accepted' || answer === 'NotFound', { expected: 'Accepted', actual: answer });
    if (answer === 'Accepted') return;
    if (typeof pem !== 'string' || pem === '') ctx.inconclusive('no root certificate is configured (extra.centralSystemRootCertificatePem) to install for the CertificateInstalled state');
    const install = await ctx.call('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem });
    const status = install.status === 'result' ? install.payload['status'] : install.status;
    ctx.check('InstallCertificate.conf status is Accepted', status === 'Accepted', { expected: 'Accepted', actual: status });
  });
}

/**
 * RenewChargePointCertificate (§2.26 Table 115): CpoName configured, ExtendedTriggerMessage
 * SignChargePointCertificate (Accepted), SignCertificate.req answered Accepted, then a
 * CertificateSigned.req with the certificate signed from the CSR (Accepted). The signing is done by
 * the run's certificate authority hook (`extra.signChargePointCsr`, a function from CSR PEM to chain PEM);
 * without one the state cannot be completed.
 */
export async function renewChargePointCertificateState(ctx: TestContext): Promise<void> {
  const configured = ctx.config.extra['cpoName'];
  const cpoName = typeof configured === 'string' ? configured : ctx.config.vendorId;
  await applyConfigurationStates(ctx, [{ key: 'CpoName', value: cpoName }]);
  await ctx.step('RenewChargePointCertificate state: ExtendedTriggerMessage SignChargePointCertificate, SignCertificate.req, CertificateSigned.req', async () => {
    fromNow(ctx);
    ctx.respond('SignCertificate', () => ({ status: 'Accepted' }));
    const res = await ctx.call('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    ctx.check('ExtendedTriggerMessage.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
    const sign = await ctx.expectCall('SignCertificate');
    const signer = ctx.config.extra['signChargePointCsr'];
    if (typeof signer !== 'function') ctx.inconclusive('no certificate authority is configured (extra.signChargePointCsr) to sign the charge point CSR for the RenewChargePointCertificate state');
    const chain = String(await (signer as (csr: string) => Promise<string> | string)(String(sign.payload['csr'])));
    const signed = await ctx.call('CertificateSigned', { certificateChain: chain });
    const status = signed.status === 'result' ? signed.payload['status'] : signed.status;
    ctx.check('CertificateSigned.conf status is Accepted', status === 'Accepted', { expected: 'Accepted', actual: status });
  });
}

/** The profile SetChargingProfile sends unless a case gives its own: a TxDefaultProfile of a generous constant limit. */
export function defaultChargingProfile(id: number): JsonObject {
  return {
    chargingProfileId: id,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }], startSchedule: new Date().toISOString() },
  };
}

/** SetChargingProfile (§2.26 Table 116): SetChargingProfile.req for the configured connector: Accepted. */
export async function setChargingProfileState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const profile = (params['csChargingProfiles'] as JsonObject | undefined) ?? defaultChargingProfile(typeof params['chargingProfileId'] === 'number' ? params['chargingProfileId'] : 1);
  await ctx.step(`SetChargingProfile state: SetChargingProfile.req connector ${connectorId}: Accepted`, async () => {
    const res = await ctx.call('SetChargingProfile', { connectorId, csChargingProfiles: profile });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    if (answer === 'Accepted' && typeof profile['chargingProfileId'] === 'number') (ledgerOf(ctx).chargingProfiles ??= new Set()).add(profile['chargingProfileId']);
    ctx.check('SetChargingProfile.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
  });
}
