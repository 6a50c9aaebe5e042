/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_01_CS — Reserve a specific EVSE - Accepted - Valid
 * idToken. The configured EVSE is Reserved for the configured valid idToken (reusable state); that
 * idToken is authorized (reusable state Authorized), after which the connector must be reported
 * Available instead of Reserved; then energy flows (EnergyTransferStarted). Part 2 H03.FR.01/09/10.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';
import { prepare } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Accepted - Valid idToken',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.15', 'H03.FR.01', 'H03.FR.09', 'H03.FR.10'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'after the authorization the configured connector is reported Available (StatusNotification or NotifyEvent AvailabilityState)' }],
  detects: ['reservation-kept-after-authorize'],
  async run(ctx) {
    await prepare(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    await ctx.step(`Step 1: Reserved for EVSE ${where.evseId}`, () => ctx.state('Reserved'));
    const from = journalEnd(ctx);
    await ctx.step('Step 2: Authorized with the configured valid idToken', () => ctx.state('Authorized'));
    await ctx.step('Step 2: the connector changes from Reserved to Available', async () => {
      await expectConnectorStatus(ctx, 'Available', where, { from, step: 2 });
    });
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
