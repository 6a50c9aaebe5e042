/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_20_CSMS: an IEC 61851-1 EV suspended charging (reusable state
 * EnergyTransferSuspended), then the EV is disconnected (reusable state EVDisconnected, which first
 * goes through StopAuthorized and EVConnectedPostSession as Table 707 asks); the CSMS must take
 * every event and the Ended one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_E_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)',
  useCases: ['E06', 'E10'],
  requirements: ['E06.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferSuspended'],
  detects: ['suspended-ev-error', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The EV is disconnected: reusable state EVDisconnected (step 1)', () => ctx.state('EVDisconnected'));
  },
});
