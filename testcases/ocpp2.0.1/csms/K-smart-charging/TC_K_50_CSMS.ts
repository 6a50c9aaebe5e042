/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_50_CSMS: with no transaction ongoing, the external limit an EMS
 * had set is released; the simulated station tells the CSMS with ClearedChargingLimitRequest
 * (chargingLimitSource EMS), which the CSMS must answer (Part 2 K13).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_K_50_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Reset / release external charging limit - Without ongoing transaction',
  useCases: ['K13'],
  certification: [],
  states: ['Idle'],
  validations: [],
  detects: ['smart-charging-notification-error'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the station sends ClearedChargingLimitRequest (source EMS); the CSMS answers', async () => {
      await ctx.callExpect('ClearedChargingLimit', { chargingLimitSource: 'EMS' }, { describe: 'a ClearedChargingLimitResponse' });
    });
  },
});
