/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_14_CS — Reserve an unspecified EVSE - Amount of EVSEs
 * available equals the amount of reservations. One ReserveNow without evseId per EVSE, each for a
 * different idToken, all Accepted; then every connector of the station is reported Reserved
 * (Part 2 H01.FR.20).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';
import { distinctTokens, prepare, reserveNow } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations',
  useCases: ['H01'],
  requirements: ['H01.FR.20'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [
    { step: 2, checks: 'every ReserveNowResponse (one per EVSE, no evseId) status Accepted' },
    { step: 3, checks: 'the connectors of every EVSE reported Reserved (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['floating-reservations-not-shown', 'rejects-unspecified-evse'],
  async run(ctx) {
    await prepare(ctx);
    const from = journalEnd(ctx);
    const tokens = distinctTokens(ctx, ctx.config.numberOfEvses);
    for (const [i, idToken] of tokens.entries()) {
      await ctx.step(`Steps 1-2 (${i + 1} of ${tokens.length}): ReserveNow without evseId, answered Accepted`, () => reserveNow(ctx, { idToken }, 'Accepted', 2));
    }
    await ctx.step('Steps 3-4: every connector is reported Reserved', async () => {
      for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
        await expectConnectorStatus(ctx, 'Reserved', { evseId, ...(evseId === ctx.config.evseId ? { connectorId: ctx.config.connectorId } : {}) }, { from, step: 3 });
      }
    });
  },
});
