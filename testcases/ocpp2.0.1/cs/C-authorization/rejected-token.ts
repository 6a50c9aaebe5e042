/**
 * The scenario TC_C_02_CS, TC_C_06_CS and TC_C_07_CS share (Part 6 §2.4): with the EV already
 * connected, an idToken the CSMS answers with Invalid / Blocked / Expired is presented; the station
 * asks with Authorize for exactly that idToken and, once refused, sends no TransactionEvent
 * (Part 2 C01.FR.02: no charging for a token that is not Accepted).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { configure, fromNow, idTokenOf } from '../_shared/case-support.js';

export const authConfiguration = [
  { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
  { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'false', ifImplemented: true },
];

export async function rejectedTokenScenario(ctx: TestContext, kind: 'invalid' | 'blocked' | 'expired'): Promise<void> {
  const token = idTokenOf(ctx, kind);
  const status = kind === 'invalid' ? 'Invalid' : kind === 'blocked' ? 'Blocked' : 'Expired';
  // The OCTT answer of step 2, whatever the run's default token table says.
  ctx.respond('Authorize', () => ({ idTokenInfo: { status } }));
  await configure(ctx, authConfiguration);
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  await ctx.step(`Steps 1-2: present the ${kind} idToken, Authorize answered ${status}`, async () => {
    fromNow(ctx);
    await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
    const auth = await ctx.expectCall('Authorize', { describe: `an Authorize for the ${kind} idToken` });
    const got = (auth.payload['idToken'] ?? {}) as { idToken?: unknown; type?: unknown };
    const frames = auth.frameSeq === undefined ? [] : [auth.frameSeq];
    ctx.check('Authorize idToken.idToken', got.idToken === token.idToken, { expected: token.idToken, actual: got.idToken ?? 'absent', frames });
    ctx.check('Authorize idToken.type', got.type === token.type, { expected: token.type, actual: got.type ?? 'absent', frames });
  });
  await ctx.step(`No TransactionEvent for ${ctx.config.messageTimeoutMs / 1000} s after the refused Authorize`, async () => {
    await ctx.expectNoCall('TransactionEvent', { forMs: ctx.config.messageTimeoutMs });
  });
}
