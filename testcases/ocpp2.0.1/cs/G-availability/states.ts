/** OCPP 2.0.1 Part 6 §2.18 reusable state of block G (availability), SUT = charging station. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd, targetOf } from '../_shared/journal.js';

async function unavailable(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const scope = params['scope'] === 'station' ? 'station' : params['scope'] === 'evse' ? 'evse' : 'connector';
  const evse = scope === 'station' ? undefined : { id: t.evseId, ...(scope === 'connector' ? { connectorId: t.connectorId } : {}) };
  const from = journalEnd(ctx);
  await ctx.callExpect('ChangeAvailability', { operationalStatus: 'Inoperative', ...(evse ? { evse } : {}) }, { match: { status: 'Accepted' } });
  const evses = scope === 'station' ? Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1) : [t.evseId];
  for (const evseId of evses) await expectConnectorStatus(ctx, 'Unavailable', { evseId, ...(evseId === t.evseId ? { connectorId: t.connectorId } : {}) }, { from });
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { Unavailable: unavailable } });
