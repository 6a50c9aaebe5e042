/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_14_CSMS: with TxStopPoint EVConnected the transaction ends when the
 * cable is unplugged at the station (reusable state EVDisconnected from EVConnectedPostSession:
 * Available, then TransactionEvent Ended, EVCommunicationLost, EVDisconnected); the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_E_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - EVDisconnected - Charging Station side',
  useCases: ['E06'],
  requirements: ['E06.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPostSession'],
  detects: ['transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The cable is unplugged: reusable state EVDisconnected (step 1)', () => ctx.state('EVDisconnected'));
  },
});
