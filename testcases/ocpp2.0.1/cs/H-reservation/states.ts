/**
 * OCPP 2.0.1 Part 6 §2.18 reusable state of block H (reservation), SUT = charging station: the
 * configured (or given) EVSE is Reserved for an idToken. Params (all optional): evseId,
 * connectorId, idToken, reservationId, expiryDateTime, groupIdToken.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd, num, obj, str, targetOf } from '../_shared/journal.js';

async function reserved(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const id = num(params['reservationId']) ?? Math.floor(Math.random() * 1_000_000) + 2;
  const from = journalEnd(ctx);
  const expiryDateTime = str(params['expiryDateTime']) ?? new Date(ctx.clock.wallMs() + 3_600_000).toISOString();
  const group = obj(params['groupIdToken']);
  await ctx.callExpect('ReserveNow', { id, expiryDateTime, idToken: { ...t.idToken }, evseId: t.evseId, ...(group ? { groupIdToken: group } : {}) }, { match: { status: 'Accepted' } });
  await expectConnectorStatus(ctx, 'Reserved', t, { from });
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { Reserved: reserved } });
