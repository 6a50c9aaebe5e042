/** OCPP 2.0.1 Part 6 §2.19 memory state of block C (authorization cache), SUT = charging station. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/case-support.js';
import { prepareVariables } from '../_shared/expect.js';
import { obj, parkedEvses, sessionOf, targetOf, waitFor, waitQuiet } from '../_shared/journal.js';
import { answerTokens, present } from './auth-support.js';

/**
 * Memory state IdTokenCached (Part 6 Table 443). `params.idToken` is the token (default the valid
 * one); `params.answer` the idTokenInfo the OCTT gives it (default: the run's answer); with
 * `params.accepted: false` (default: answer status not Accepted) Main B runs, for a token the
 * station does not charge with.
 */
async function idTokenCached(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const p = { ...params, method: 'local' };
  const token = targetOf(ctx, p).idToken;
  const answer = obj(params['answer']);
  if (answer) answerTokens(ctx, { [token.idToken]: answer });
  const accepted = typeof params['accepted'] === 'boolean' ? params['accepted'] : answer === undefined || answer['status'] === 'Accepted';
  await ctx.state('ParkingBayOccupied', p);
  if (accepted) {
    // Main A: a whole session with the token; its answers fill the cache.
    await ctx.state('Authorized', p);
    await ctx.state('EVConnectedPreSession', p);
    await ctx.state('ParkingBayUnoccupied', p);
    return;
  }
  await notAccepted(ctx, p, token);
}

/**
 * Main B: present the token; the station asks the CSMS (or, trusting an older cache entry,
 * reports it in a TransactionEvent) and stores our answer. Steps 3-4 (a transaction the parking
 * bay started, ended by the EV leaving) are optional; then the EV leaves the bay.
 */
async function notAccepted(ctx: TestContext, p: Record<string, unknown>, token: { idToken: string; type: string }): Promise<void> {
  const t = targetOf(ctx, p);
  // Asked for every token, the station stores our answer even over an older entry (Accepted or not).
  await prepareVariables(ctx, [{ component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false', ifImplemented: true }]);
  const from = await present(ctx, token, t.evseId);
  const asked = await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => (e.action === 'Authorize' || e.action === 'TransactionEvent') && obj(e.payload['idToken'])?.['idToken'] === token.idToken);
  // Nothing asked: the token is cached already with a status the station does not ask about again.
  if (asked) await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
  const s = sessionOf(ctx, t.evseId);
  if (s.parked) {
    await ctx.dut('driveOut', { evseId: t.evseId });
    s.parked = false;
    parkedEvses.delete(t.evseId);
  }
  fromNow(ctx);
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { IdTokenCached: idTokenCached } });
