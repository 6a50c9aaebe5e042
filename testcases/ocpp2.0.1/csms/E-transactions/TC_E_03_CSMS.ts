/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_03_CSMS: cable first, then authorization (reusable states
 * EVConnectedPreSession → Authorized → EnergyTransferStarted); the CSMS must accept the valid
 * idToken in the AuthorizeResponse and in the TransactionEventResponse.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_E_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Local start transaction - Cable plugin first - Success',
  useCases: ['E02'],
  requirements: ['E02.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPreSession'],
  detects: ['rejects-valid-token', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    await ctx.state('Authorized');
    await ctx.state('EnergyTransferStarted');
  },
});
