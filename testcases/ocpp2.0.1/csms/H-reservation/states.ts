/**
 * OCPP 2.0.1 Part 6 §3.18 reusable state of block H (reservation), SUT = CSMS (Table 699, Reserved):
 * the CSMS reserves the specified EVSE (param evseId, default the configured one) for the configured
 * valid idToken; the station answers Accepted and reports that EVSE's connectors Reserved.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { ensureBooted } from '../_shared/station.js';
import { reportEvse, reserveNow } from './reservation-support.js';

async function reserved(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await ensureBooted(ctx);
  const evseId = typeof params['evseId'] === 'number' ? params['evseId'] : ctx.config.evseId;
  await reserveNow(ctx, { evseId });
  await reportEvse(ctx, 'Reserved', evseId);
}

export default defineStates({ version: '2.0.1', sut: 'csms', states: { Reserved: reserved } });
