/**
 * What the ISO 15118 contract-certificate cases with central validation share (Part 6 §2.4
 * TC_C_52_CS / TC_C_53_CS, Part 2 C07): the configuration state, the EV connected, the EV's
 * Plug & Charge authorization, and step 1 — an AuthorizeRequest with idToken.type eMAID and the
 * contract certificate (iso15118CertificateHashData may come too). A GetCertificateStatusRequest
 * the station sends meanwhile is answered (Part 6: "robust enough to also handle" it).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { configure, journalMark } from '../_shared/case-support.js';
import { frames, obj } from '../_shared/journal.js';

export async function centralContractAuthorize(ctx: TestContext, answer: JsonObject, step: number): Promise<{ auth: ObservedCall; since: number }> {
  await configure(ctx, [
    { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
    { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'false', ifImplemented: true },
    { component: 'ISO15118Ctrlr', variable: 'CentralContractValidationAllowed', value: 'true' },
    { component: 'ISO15118Ctrlr', variable: 'PnCEnabled', value: 'true' },
  ]);
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  ctx.respond('Authorize', () => answer);
  ctx.respond('GetCertificateStatus', () => ({ status: 'Accepted' }));
  const since = journalMark(ctx);
  const auth = await ctx.step('Steps 1-2: the EV authorizes with its contract certificate: AuthorizeRequest eMAID with the certificate', async () => {
    await ctx.dut('presentContractCertificate', { evseId: ctx.config.evseId });
    const call = await ctx.expectCall('Authorize', { from: since, describe: 'an AuthorizeRequest for the contract certificate', step });
    const token = obj(call.payload['idToken']);
    ctx.check('AuthorizeRequest idToken.type', token?.['type'] === 'eMAID', { expected: 'eMAID', actual: token?.['type'] ?? 'absent', frames: frames(call), step });
    const cert = call.payload['certificate'];
    ctx.check('AuthorizeRequest certificate is provided', typeof cert === 'string' && cert.includes('BEGIN CERTIFICATE'), { expected: 'the contract certificate (PEM)', actual: typeof cert === 'string' ? `${cert.length} characters` : 'absent', frames: frames(call), step });
    return call;
  });
  return { auth, since };
}
