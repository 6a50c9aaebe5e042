/**
 * OCPP 1.6 `_CS`: the reusable states of the OCTT 1.6 document §2.25 (FINAL 2024-04), as it
 * defines them: GetConfiguration, Authorized, Charging (plug in first, then a remote start),
 * SetConnectorFaulted, SetChargePointFaulted, SetConnectorUnavailable, SetChargePointUnavailable,
 * SetConnectorOccupied and Reserved. Checks are strict where the document's tool validations are;
 * the order is free only where it says "may be reversed". Step numbers in the titles are the
 * state's own (not the case's), so the checks here name no `step`.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, getConfiguration, journalMark, ledgerOf, noteInoperative, noteTransaction, plugIn, presentIdTag, status, type KeyValue } from './charge-point.js';

export function connectorOf(ctx: TestContext, params: Record<string, unknown>): number {
  return typeof params['connectorId'] === 'number' ? params['connectorId'] : ctx.config.connectorId;
}
export function idTagOf(ctx: TestContext, params: Record<string, unknown>): string {
  return typeof params['idTag'] === 'string' ? params['idTag'] : ctx.config.idTokens.valid.idToken;
}

/** The status the charge point last reported for a connector in this case's journal (undefined: none seen). */
export function lastReportedStatus(ctx: TestContext, connectorId: number): string | undefined {
  const last = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StatusNotification' && e.payload['connectorId'] === connectorId).at(-1);
  return last && last.kind === 'callIn' ? String(last.payload['status']) : undefined;
}

/** The connector is Reserved: by the Reserved state of this run or by its last StatusNotification. */
function isReserved(ctx: TestContext, connectorId: number): boolean {
  return lastReportedStatus(ctx, connectorId) === 'Reserved';
}

/** GetConfiguration (§2.25 Table 103): retrieve one configuration item; `params.key`. */
export async function getConfigurationState(ctx: TestContext, key: string): Promise<KeyValue | undefined> {
  return ctx.step(`GetConfiguration state: GetConfiguration.req key ${key}`, async () => (await getConfiguration(ctx, [key])).get(key));
}

/**
 * Authorized (§2.25 Table 104): present the configured valid idTag; Authorize.req with that idTag
 * and, unless the connector was already Preparing, StatusNotification.req Preparing (either order).
 */
export async function authorizedState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  const wasPreparing = lastReportedStatus(ctx, connectorId) === 'Preparing';
  await ctx.step(`Authorized state: present idTag ${idTag}: Authorize.req${wasPreparing ? '' : ', StatusNotification.req Preparing'}`, async () => {
    await presentIdTag(ctx, idTag, connectorId);
    const specs = [
      { action: 'Authorize' },
      ...(wasPreparing ? [] : [{ action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }]),
    ];
    const [auth, sn] = await ctx.expectAll(specs, { anyOrder: 'OCTT 1.6 §2.25 Authorized: "Step 1 and step 3 may be reversed"' });
    ctx.check('Authorize.req idTag is the configured valid idTag', auth?.payload['idTag'] === idTag, { expected: idTag, actual: auth?.payload['idTag'], frames: framesOf(auth) });
    if (sn) ctx.check('StatusNotification.req status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn) });
  });
}

/**
 * Charging (§2.25 Table 105): GetConfiguration AuthorizeRemoteTxRequests, plug in on both sides
 * (Preparing unless Reserved), RemoteStartTransaction.req for the configured connector and idTag
 * (Accepted; Preparing now if it was Reserved), Authorize.req only if AuthorizeRemoteTxRequests is
 * true (optional with `params.authorizeOptional`, the clause allowing it), then StartTransaction.req and
 * StatusNotification.req Charging in either order.
 * Returns the transactionId the harness gave.
 */
export async function chargingState(ctx: TestContext, params: Record<string, unknown>): Promise<number | undefined> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  const authorizeRemote = await ctx.step('Charging state steps 1-2: GetConfiguration.req AuthorizeRemoteTxRequests', async () => {
    const key = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests');
    return key?.value === 'true';
  });
  const reserved = params['reserved'] === true || isReserved(ctx, connectorId);
  await ctx.step(`Charging state steps 3-4: plug in the cable${reserved ? ' (connector Reserved: no Preparing yet)' : ': StatusNotification.req Preparing'}`, async () => {
    await plugIn(ctx, connectorId);
    if (!reserved) await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
  });
  const authorizeFrom = journalMark(ctx);
  await ctx.step('Charging state steps 5-8: RemoteStartTransaction.req: Accepted', async () => {
    fromNow(ctx);
    const res = await ctx.call('RemoteStartTransaction', { connectorId, idTag });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    ctx.check('RemoteStartTransaction.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
    if (reserved) await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
  });
  // A case whose document makes the Authorize.req optional (e.g. TC_046_2_CS "Sending an
  // Authorize.req is optional") passes `authorizeOptional` with that clause: one that is sent is still checked.
  const authorizeOptional = typeof params['authorizeOptional'] === 'string' ? params['authorizeOptional'] : undefined;
  if (authorizeRemote && authorizeOptional === undefined) {
    await ctx.step('Charging state steps 9-10: AuthorizeRemoteTxRequests is true: Authorize.req', async () => {
      const auth = await ctx.expectCall('Authorize');
      ctx.check('Authorize.req idTag is the configured valid idTag', auth.payload['idTag'] === idTag, { expected: idTag, actual: auth.payload['idTag'], frames: framesOf(auth) });
    });
  }
  return ctx.step('Charging state steps 11-14: StartTransaction.req and StatusNotification.req Charging', async () => {
    const [start, sn] = await ctx.expectAll(
      [{ action: 'StartTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }],
      { anyOrder: 'OCTT 1.6 §2.25 Charging: "Steps 11 and 13 may be reversed"' },
    );
    ctx.check('StartTransaction.req connectorId is the configured one', start?.payload['connectorId'] === connectorId, { expected: connectorId, actual: start?.payload['connectorId'], frames: framesOf(start) });
    ctx.check('StartTransaction.req idTag is the configured valid idTag', start?.payload['idTag'] === idTag, { expected: idTag, actual: start?.payload['idTag'], frames: framesOf(start) });
    ctx.check('StatusNotification.req status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn) });
    if (authorizeOptional !== undefined) {
      const auth = ctx.journal().find((e) => e.index >= authorizeFrom && e.kind === 'callIn' && e.action === 'Authorize');
      if (auth && auth.kind === 'callIn') ctx.check(`Authorize.req idTag is the configured valid idTag (the request is optional: ${authorizeOptional})`, auth.payload['idTag'] === idTag, { expected: idTag, actual: auth.payload['idTag'], frames: auth.frameSeq === undefined ? [] : [auth.frameSeq] });
    }
    return start ? noteTransaction(ctx, start) : undefined;
  });
}

/** The StatusNotification.req of every connector and connector 0, checked against one status. */
async function expectEveryConnector(ctx: TestContext, want: string): Promise<ObservedCall[]> {
  const ids = Array.from({ length: ctx.config.numberOfEvses + 1 }, (_, i) => i);
  const found = await ctx.expectAll(ids.map((i) => ({ action: 'StatusNotification', match: { connectorId: i }, describe: `connectorId ${i}` })));
  for (const sn of found) ctx.check(`connector ${String(sn.payload['connectorId'])} is ${want}`, sn.payload['status'] === want, { expected: want, actual: sn.payload['status'], frames: framesOf(sn) });
  return found;
}

/** SetConnectorFaulted (§2.25 Table 106): put the configured connector into a fault: StatusNotification.req Faulted. */
export async function setConnectorFaultedState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await ctx.step(`SetConnectorFaulted state: connector ${connectorId} faulted: StatusNotification.req Faulted`, async () => {
    fromNow(ctx);
    (ledgerOf(ctx).faulted ??= new Set()).add(connectorId);
    await ctx.dut('setFaulted', { connectorId });
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}` });
    ctx.check('StatusNotification.req status is Faulted', sn.payload['status'] === 'Faulted', { expected: 'Faulted', actual: sn.payload['status'], frames: framesOf(sn) });
  });
}

/** SetChargePointFaulted (§2.25 Table 107): the whole charge point faulted: Faulted for every connector and connector 0. */
export async function setChargePointFaultedState(ctx: TestContext): Promise<void> {
  await ctx.step('SetChargePointFaulted state: the charge point faulted: StatusNotification.req Faulted for every connector and connector 0', async () => {
    fromNow(ctx);
    (ledgerOf(ctx).faulted ??= new Set()).add(0);
    await ctx.dut('setFaulted', { connectorId: 0 });
    await expectEveryConnector(ctx, 'Faulted');
  });
}

async function changeAvailabilityInoperative(ctx: TestContext, connectorId: number): Promise<void> {
  fromNow(ctx);
  noteInoperative(ctx, connectorId, true);
  const res = await ctx.call('ChangeAvailability', { connectorId, type: 'Inoperative' });
  const answer = res.status === 'result' ? res.payload['status'] : res.status;
  ctx.check('ChangeAvailability.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
}

/** SetConnectorUnavailable (§2.25 Table 108): ChangeAvailability Inoperative of the configured connector: Accepted, Unavailable. */
export async function setConnectorUnavailableState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await ctx.step(`SetConnectorUnavailable state: ChangeAvailability.req Inoperative connector ${connectorId}: Accepted, StatusNotification.req Unavailable`, async () => {
    await changeAvailabilityInoperative(ctx, connectorId);
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}` });
    ctx.check('StatusNotification.req status is Unavailable', sn.payload['status'] === 'Unavailable', { expected: 'Unavailable', actual: sn.payload['status'], frames: framesOf(sn) });
  });
}

/**
 * SetChargePointUnavailable (§2.25 Table 109): ChangeAvailability Inoperative of connector 0:
 * Accepted (the table names ReserveNow.conf for its step 2, a slip: the answer is to ChangeAvailability),
 * Unavailable for every connector and connector 0.
 */
export async function setChargePointUnavailableState(ctx: TestContext): Promise<void> {
  await ctx.step('SetChargePointUnavailable state: ChangeAvailability.req Inoperative connector 0: Accepted, StatusNotification.req Unavailable for every connector and connector 0', async () => {
    await changeAvailabilityInoperative(ctx, 0);
    await expectEveryConnector(ctx, 'Unavailable');
  });
}

/** SetConnectorOccupied (§2.25 Table 110): the EV driver plugs in: StatusNotification.req Preparing. */
export async function setConnectorOccupiedState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await ctx.step(`SetConnectorOccupied state: plug in on connector ${connectorId}: StatusNotification.req Preparing`, async () => {
    await plugIn(ctx, connectorId);
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}` });
    ctx.check('StatusNotification.req status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn) });
  });
}

/** Reserved (§2.25 Table 111): ReserveNow.req for the configured connector and idTag: Accepted, StatusNotification.req Reserved. */
export async function reservedState(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  const reservationId = typeof params['reservationId'] === 'number' ? params['reservationId'] : 1;
  await ctx.step(`Reserved state: ReserveNow.req connector ${connectorId}: Accepted, StatusNotification.req Reserved`, async () => {
    fromNow(ctx);
    const expiryDate = new Date(ctx.clock.wallMs() + Math.max(ctx.config.caseTimeoutMs, 600_000)).toISOString();
    const res = await ctx.call('ReserveNow', { connectorId, expiryDate, idTag, reservationId });
    const answer = res.status === 'result' ? res.payload['status'] : res.status;
    if (answer === 'Accepted') (ledgerOf(ctx).reservations ??= new Set()).add(reservationId);
    ctx.check('ReserveNow.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer });
    const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}` });
    ctx.check('StatusNotification.req status is Reserved', sn.payload['status'] === 'Reserved', { expected: 'Reserved', actual: sn.payload['status'], frames: framesOf(sn) });
  });
}
