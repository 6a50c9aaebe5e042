/**
 * What the ISO 15118 contract-certificate cases share (Part 6 §2.4 TC_C_50_CS … TC_C_53_CS, Part 2
 * C07): the configuration state, the EV connected, the EV's Plug & Charge authorization, and step 1
 * — an AuthorizeRequest with idToken.type eMAID and, with central validation, the contract
 * certificate (iso15118CertificateHashData may come too), with local validation the hash data. A GetCertificateStatusRequest
 * the station sends meanwhile is answered (Part 6: "robust enough to also handle" it).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { configure, journalMark } from '../_shared/case-support.js';
import { frames, obj } from '../_shared/journal.js';

export async function centralContractAuthorize(ctx: TestContext, answer: JsonObject, step: number): Promise<{ auth: ObservedCall; since: number }> {
  return contractAuthorize(ctx, answer, step, 'central');
}

/**
 * Local validation (TC_C_50_CS / TC_C_51_CS): CentralContractValidationAllowed false, the V2G and MO
 * roots installed (memory state CertificateInstalled); step 1 is an AuthorizeRequest eMAID with
 * iso15118CertificateHashData.
 */
export async function contractAuthorize(ctx: TestContext, answer: JsonObject, step: number, validation: 'central' | 'local'): Promise<{ auth: ObservedCall; since: number }> {
  await configure(ctx, [
    { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
    { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'false', ifImplemented: true },
    { component: 'ISO15118Ctrlr', variable: 'CentralContractValidationAllowed', value: validation === 'central' ? 'true' : 'false' },
    { component: 'ISO15118Ctrlr', variable: 'PnCEnabled', value: 'true' },
  ]);
  if (validation === 'local') {
    await ctx.state('CertificateInstalled', { certificateType: 'V2GRootCertificate' });
    await ctx.state('CertificateInstalled', { certificateType: 'MORootCertificate' });
  }
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  ctx.respond('Authorize', () => answer);
  ctx.respond('GetCertificateStatus', () => ({ status: 'Accepted' }));
  const since = journalMark(ctx);
  const auth = await ctx.step('Steps 1-2: the EV authorizes with its contract certificate: AuthorizeRequest eMAID with the certificate', async () => {
    await ctx.dut('presentContractCertificate', { evseId: ctx.config.evseId });
    const call = await ctx.expectCall('Authorize', { from: since, describe: 'an AuthorizeRequest for the contract certificate', step });
    const token = obj(call.payload['idToken']);
    ctx.check('AuthorizeRequest idToken.type', token?.['type'] === 'eMAID', { expected: 'eMAID', actual: token?.['type'] ?? 'absent', frames: frames(call), step });
    if (validation === 'central') {
      const cert = call.payload['certificate'];
      ctx.check('AuthorizeRequest certificate is provided', typeof cert === 'string' && cert.includes('BEGIN CERTIFICATE'), { expected: 'the contract certificate (PEM)', actual: typeof cert === 'string' ? `${cert.length} characters` : 'absent', frames: frames(call), step });
    } else {
      const hashes = call.payload['iso15118CertificateHashData'];
      ctx.check('AuthorizeRequest iso15118CertificateHashData is provided', Array.isArray(hashes) && hashes.length > 0, { expected: 'one or more OCSPRequestData', actual: Array.isArray(hashes) ? `${hashes.length} entries` : 'absent', frames: frames(call), step });
    }
    return call;
  });
  return { auth, since };
}
