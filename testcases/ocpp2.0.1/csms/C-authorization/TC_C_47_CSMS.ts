/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_47_CSMS: a station with a user interface; the Master Pass holder
 * chooses to stop all transactions, and the simulated station ends both with the Master Pass
 * idToken (see master-pass.ts for what is judged).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { masterPassStopsAll } from './master-pass.js';

export default defineTestCase({
  id: 'TC_C_47_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - With UI - All transactions',
  useCases: ['C16'],
  requirements: ['C16.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['master-pass-as-plain-token'],
  async run(ctx) {
    await masterPassStopsAll(ctx, (master) => master);
  },
});
