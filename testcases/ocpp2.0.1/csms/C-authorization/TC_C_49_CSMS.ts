/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_49_CSMS: a station without a user interface; presenting the Master
 * Pass stops every transaction, and the simulated station ends both (stoppedReason MasterPass)
 * naming the configured valid idToken, as the document's step 3 says (see master-pass.ts for what
 * is judged).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { masterPassStopsAll } from './master-pass.js';

export default defineTestCase({
  id: 'TC_C_49_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - Without UI',
  useCases: ['C16'],
  requirements: ['C16.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['master-pass-as-plain-token'],
  async run(ctx) {
    await masterPassStopsAll(ctx, () => ctx.config.idTokens.valid);
  },
});
