/**
 * Block A `_CS` helpers: Part 6 memory state RenewChargingStationCertificate (Table 446) and the
 * cases around it (TC_A_11/14/15_CS). The harness, as CSMS, triggers SignChargingStationCertificate,
 * judges the CSR the station sends (RFC 2986 in PEM, RSA/DSA of at least 2048 bits or EC of at
 * least 224 bits) and answers it; it signs the CSR with the run's pki service (the test CA the
 * station trusts as its CSMS root) or, for the negative case, deliberately wrongly.
 */
import type { ObservedCall, Pki, SigningFault, TestContext } from '../../../../src/engine/authoring.js';
import { frames, stationReady, str } from '../_shared/journal.js';

export function pkiOf(ctx: TestContext): Pki {
  const pki = ctx.pki;
  if (pki === undefined) ctx.inconclusive('the run has no pki service (certificate operations): the harness cannot sign the station\'s CSR');
  return pki;
}

/** Steps 1-2: TriggerMessage SignChargingStationCertificate; the station's status. */
export async function triggerSigning(ctx: TestContext, step?: number): Promise<boolean> {
  // The station is booted and its start-up messages are through (general preconditions, Part 6 §2.1).
  await stationReady(ctx);
  return ctx.step('Steps 1-2: TriggerMessage SignChargingStationCertificate; the station accepts', async () => {
    const res = await ctx.callExpect('TriggerMessage', { requestedMessage: 'SignChargingStationCertificate' });
    ctx.check('TriggerMessageResponse status is Accepted', res['status'] === 'Accepted', { expected: 'Accepted', actual: res['status'] ?? 'absent', ...(step ? { step } : {}) });
    return res['status'] === 'Accepted';
  });
}

/** How the harness answers the station's SignCertificate (step 4); set before the trigger, the request follows its response at once. */
export function answerSignCertificate(ctx: TestContext, answer: 'Accepted' | 'Rejected'): void {
  ctx.respond('SignCertificate', () => ({ status: answer }));
}

/** Step 3: the SignCertificate that follows, its CSR judged (Part 6 step 3 validation). */
export async function expectSignCertificate(ctx: TestContext, pki: Pki, answer: 'Accepted' | 'Rejected', step?: number): Promise<{ call: ObservedCall; csr: string }> {
  return ctx.step(`Steps 3-4: the station sends SignCertificate with a CSR; the harness answers ${answer}`, async () => {
    const call = await ctx.expectCall('SignCertificate', { ...(step ? { step } : {}) });
    const csr = str(call.payload['csr']) ?? '';
    const parsed = pki.parseCsr(csr);
    const type = str(call.payload['certificateType']);
    const at = { frames: frames(call), ...(step ? { step } : {}) };
    ctx.check('csr is a PEM-encoded RFC 2986 certification request that signs itself', parsed.ok && parsed.csr.signatureValid, { expected: 'PEM "CERTIFICATE REQUEST", a valid CertificationRequest with a valid self-signature', actual: parsed.ok ? `readable, self-signature ${parsed.csr.signatureValid ? 'valid' : 'INVALID'}` : parsed.reason, ...at });
    if (parsed.ok) {
      const { keyType, keyBits } = parsed.csr;
      const strong = keyType === 'ec' ? keyBits >= 224 : keyType === 'rsa' ? keyBits >= 2048 : keyBits >= 2048;
      ctx.check('the CSR key is RSA/DSA of at least 2048 bits or EC of at least 224 bits', strong, { expected: 'RSA/DSA >= 2048 bits, EC >= 224 bits', actual: `${keyType} ${keyBits} bits`, ...at });
    }
    // certificateType is optional (absent: ChargingStationCertificate), so only a different value is wrong.
    ctx.check('certificateType is ChargingStationCertificate or absent', type === undefined || type === 'ChargingStationCertificate', { expected: 'ChargingStationCertificate or absent', actual: type ?? 'absent', ...at });
    return { call, csr };
  });
}

/** Steps 5-6: CertificateSigned with the certificate made from `csr` (or a broken one); the station's status. */
export async function sendCertificateSigned(ctx: TestContext, pki: Pki, csr: string, fault?: SigningFault): Promise<string> {
  return ctx.step(`Steps 5-6: CertificateSigned with ${fault ? `an invalid certificate (${fault})` : 'the certificate signed from the CSR by the CSMS root'}`, async () => {
    let chain: string;
    try {
      chain = pki.signCsr(csr, fault ? { fault } : {}).chainPem;
    } catch (err) {
      return ctx.fail(`the harness cannot sign the station's CSR: ${(err as Error).message}`);
    }
    const out = await ctx.call('CertificateSigned', { certificateChain: chain, certificateType: 'ChargingStationCertificate' });
    if (out.status !== 'result') return ctx.fail(`CertificateSigned was not answered with a CALLRESULT: ${out.status}`);
    return String(out.payload['status']);
  });
}
