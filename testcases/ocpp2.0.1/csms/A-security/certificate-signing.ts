/**
 * Block A `_CSMS` helpers, Part 6 §3.18 memory state RenewChargingStationCertificate (Table 711)
 * and the cases built on it (TC_A_11/14_CSMS): the CSMS triggers SignChargingStationCertificate,
 * the harness (as the station) answers it, sends a CSR of a fresh key made with the run's pki
 * service, and judges the CertificateSigned the CSMS sends: certificateType, and a chain that
 * leads to the configured CSMS root (`extra.csmsRootCertificate`, PEM; default the run's test CA,
 * which is what the demo's CSMS simulator signs with) and belongs to the key of the CSR.
 */
import type { ChainVerification, ObservedCall, Pki, TestContext } from '../../../../src/engine/authoring.js';
import { extraString, framesOf, triggered } from '../_shared/station.js';

export function pkiOf(ctx: TestContext): Pki {
  const pki = ctx.pki;
  if (pki === undefined) ctx.inconclusive('the run has no pki service (certificate operations): the harness cannot make the CSR the case sends');
  return pki;
}

/** <Configured CSMS Root certificate>: what the CSMS signs station certificates with. */
export function csmsRoot(ctx: TestContext, pki: Pki): { pem: string; configured: boolean } {
  const configured = extraString(ctx, 'csmsRootCertificate', '');
  return configured !== '' ? { pem: configured, configured: true } : { pem: pki.rootCertificatePem, configured: false };
}

export interface RenewSteps {
  /** The official step numbers of this case, when its table validates them (the state's own: undefined). */
  trigger?: number;
  signResponse?: number;
  certificateSigned?: number;
  /** Judge the CertificateSigned (type, chain); false where the case does not validate it (TC_A_14_CSMS). */
  judgeChain?: boolean;
}

export interface RenewOutcome {
  keyPem: string;
  signed?: ObservedCall;
  verification?: ChainVerification;
}

/**
 * Steps 1-6 of RenewChargingStationCertificate: the manual action makes the CSMS send
 * TriggerMessage; the station accepts, sends SignCertificate (certificateType
 * ChargingStationCertificate) and answers the CertificateSigned `answer`.
 */
export async function renewChargingStationCertificate(ctx: TestContext, answer: 'Accepted' | 'Rejected', steps: RenewSteps = {}): Promise<RenewOutcome> {
  const pki = pkiOf(ctx);
  const requested = 'SignChargingStationCertificate';
  const trigger = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage SignChargingStationCertificate; the station accepts', async () => {
    const call = await triggered(ctx, {
      action: 'TriggerMessage',
      trigger: 'triggerTriggerMessage',
      params: { requestedMessage: requested },
      respond: (p) => ({ status: p['requestedMessage'] === requested ? 'Accepted' : 'Rejected' }),
    });
    ctx.check(`TriggerMessageRequest.requestedMessage is ${requested}`, call.payload['requestedMessage'] === requested, { expected: requested, actual: call.payload['requestedMessage'] ?? 'absent', frames: framesOf(call), ...(steps.trigger ? { step: steps.trigger } : {}) });
    return call;
  });
  const { keyPem, csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: ctx.config.stationId, organization: extraString(ctx, 'organizationName', 'ocpp-conform CPO') });
  if (trigger.payload['requestedMessage'] !== requested) return { keyPem };
  // The CertificateSigned may follow the SignCertificateResponse at once: answer it from now on.
  ctx.respond('CertificateSigned', () => ({ status: answer }));
  const accepted = await ctx.step('Steps 3-4: the station sends SignCertificate with its CSR; the CSMS accepts', async () => {
    const out = await ctx.call('SignCertificate', { csr: csrPem, certificateType: 'ChargingStationCertificate' });
    const status = out.status === 'result' ? out.payload['status'] : out.status;
    ctx.check('SignCertificateResponse status is Accepted', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent', ...(steps.signResponse ? { step: steps.signResponse } : {}) });
    return status === 'Accepted';
  });
  if (!accepted) return { keyPem };
  return ctx.step(`Steps 5-6: the CSMS sends CertificateSigned with a certificate for the CSR; the station answers ${answer}`, async () => {
    const signed = await ctx.expectCall('CertificateSigned', { ...(steps.certificateSigned ? { step: steps.certificateSigned } : {}) });
    const step = steps.certificateSigned ? { step: steps.certificateSigned } : {};
    if (steps.judgeChain === false) return { keyPem, signed };
    const type = signed.payload['certificateType'];
    ctx.check('CertificateSignedRequest.certificateType is ChargingStationCertificate', type === 'ChargingStationCertificate', { expected: 'ChargingStationCertificate', actual: type ?? 'absent', frames: framesOf(signed), ...step });
    const root = csmsRoot(ctx, pki);
    const chain = typeof signed.payload['certificateChain'] === 'string' ? signed.payload['certificateChain'] : '';
    const verification = pki.verifyChain(chain, { roots: [root.pem], privateKeyPem: keyPem });
    ctx.check('certificateChain: a certificate of the CSR\'s key, signed by the configured CSMS root, valid now', verification.ok, {
      expected: `a chain leading to ${root.configured ? 'the configured CSMS root (extra.csmsRootCertificate)' : 'the run\'s test CA (no extra.csmsRootCertificate configured)'}, leaf matching the CSR key`,
      actual: verification.ok ? `CN=${verification.subject.CN ?? ''}, valid ${verification.notBefore} to ${verification.notAfter}` : verification.reason,
      frames: framesOf(signed),
      ...step,
    });
    return { keyPem, signed, verification };
  });
}

