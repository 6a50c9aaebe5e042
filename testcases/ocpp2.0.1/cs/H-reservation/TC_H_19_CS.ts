/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_19_CS — Reserve a specific EVSE - Use a reserved EVSE
 * with GroupId. ReserveNow for the configured EVSE with the configured valid idToken and the
 * configured groupIdToken is Accepted and the connector reported Reserved; the second valid idToken
 * (the CSMS gives it the same groupIdToken) may use it (Part 2 H03.FR.04/08): Authorized,
 * EnergyTransferStarted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';
import { groupIdToken, prepare, reserveNow, validToken, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Use a reserved EVSE with GroupId',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.15', 'H03.FR.04', 'H03.FR.08'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 2, checks: 'ReserveNowResponse status Accepted' },
    { step: 3, checks: 'the configured connector reported Reserved (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['reservation-group-id-ignored'],
  async run(ctx) {
    await prepare(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: ReserveNow for the configured EVSE with a groupIdToken, answered Accepted', () =>
      reserveNow(ctx, { evseId: where.evseId, idToken: validToken(ctx), groupIdToken: groupIdToken(ctx) }, 'Accepted', 2));
    await ctx.step('Steps 3-4: the configured connector is reported Reserved', () => expectConnectorStatus(ctx, 'Reserved', where, { from, step: 3 }).then(() => undefined));
    await ctx.step('Step 3: Authorized with the second valid idToken (same groupIdToken)', () => ctx.state('Authorized', { idToken: validToken2(ctx) }));
    await ctx.step('Step 4: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: validToken2(ctx) }));
  },
});
