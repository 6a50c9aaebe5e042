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

/**
 * `options.status`: the answer when it is not the kind's own (TC_C_56_CS answers Unknown);
 * `options.evConnected: false`: no EVConnectedPreSession first (TC_C_05_CS, a cable lock keeps the EV out).
 */
export async function rejectedTokenScenario(ctx: TestContext, kind: 'invalid' | 'blocked' | 'expired', options: { status?: string; evConnected?: boolean; settings?: typeof authConfiguration } = {}): Promise<void> {
  const token = idTokenOf(ctx, kind);
  const status = options.status ?? (kind === 'invalid' ? 'Invalid' : kind === 'blocked' ? 'Blocked' : 'Expired');
  // The OCTT answer of step 2, whatever the run's default token table says.
  ctx.respond('Authorize', () => ({ idTokenInfo: { status } }));
  await configure(ctx, [...authConfiguration, ...(options.settings ?? [])]);
  if (options.evConnected !== false) await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  await ctx.step(`Steps 1-2: present the ${kind} idToken, Authorize answered ${status}`, async () => {
    fromNow(ctx);
    await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
    const auth = await ctx.expectCall('Authorize', { describe: `an Authorize for the ${kind} idToken`, step: 1 });
    const got = (auth.payload['idToken'] ?? {}) as { idToken?: unknown; type?: unknown };
    const frames = auth.frameSeq === undefined ? [] : [auth.frameSeq];
    ctx.check('Authorize idToken.idToken', got.idToken === token.idToken, { expected: token.idToken, actual: got.idToken ?? 'absent', frames, step: 1 });
    ctx.check('Authorize idToken.type', got.type === token.type, { expected: token.type, actual: got.type ?? 'absent', frames, step: 1 });
  });
  await ctx.step(`No TransactionEvent for ${ctx.config.messageTimeoutMs / 1000} s after the refused Authorize`, async () => {
    await ctx.expectNoCall('TransactionEvent', { forMs: ctx.config.messageTimeoutMs });
  });
}
