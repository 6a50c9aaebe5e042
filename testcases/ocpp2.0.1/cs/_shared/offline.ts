/**
 * Part 6 §2.18 reusable state StartOfflineTransaction (Table 436), SUT = charging station: the
 * harness closes the connection and refuses reconnects; meanwhile the EV drives in, the idToken is
 * presented and the cable is connected; then the harness accepts the station again. Registered by
 * ../D-local-list/states.ts; here so any block can use it. Also the two halves on their own, for
 * cases whose offline steps differ (TC_C_25_CS: only the idToken is presented while offline).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { journalEnd, parkedEvses, sessionOf, targetOf } from './journal.js';

/** Close the connection, refuse every reconnect, and wait until the harness saw it close. */
export async function goOffline(ctx: TestContext, reason: string): Promise<void> {
  await ctx.peer();
  const from = journalEnd(ctx);
  await ctx.closeConnection({ refuse: true, reason });
  const until = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
  while (!ctx.journal().some((e) => e.index >= from && e.kind === 'disconnected')) {
    if (ctx.clock.monoMs() >= until) ctx.inconclusive('the connection to the station did not close');
    await ctx.sleep(20);
  }
}

/** Accept the station's next reconnect and wait for it. */
export async function backOnline(ctx: TestContext): Promise<void> {
  ctx.refuseConnections(false);
  await ctx.peer();
}

export async function startOfflineTransaction(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  await goOffline(ctx, 'reusable state StartOfflineTransaction, step 1');
  if (!s.parked) {
    await ctx.dut('driveIn', { evseId: t.evseId });
    s.parked = true;
    parkedEvses.add(t.evseId);
  }
  await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: t.idToken.idToken, type: t.idToken.type });
  s.authorized = true;
  s.method = 'local';
  s.idToken = t.idToken;
  await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
  s.evConnected = true;
  s.disconnected = false;
  await backOnline(ctx);
}
