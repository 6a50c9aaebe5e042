/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_04_CSMS: authorization first, then the cable (reusable states
 * Authorized → EnergyTransferStarted); the CSMS must accept the valid idToken in the
 * AuthorizeResponse and in the TransactionEventResponse of the Started event.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_E_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Local start transaction - Authorization first - Success',
  useCases: ['E03'],
  requirements: ['E03.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['rejects-valid-token', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    await ctx.state('Authorized');
    await ctx.state('EnergyTransferStarted');
  },
});
