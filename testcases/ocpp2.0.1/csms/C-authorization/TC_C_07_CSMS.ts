/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_07_CSMS: the simulated station asks to authorize the configured
 * expired idToken; the CSMS must not accept it (idTokenInfo.status Expired or Invalid).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, idTokenStatusIn } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_C_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Local start transaction - Authorization Expired',
  useCases: ['C01'],
  requirements: ['C01.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'Authorize the expired idToken (steps 1-2)' },
  ],
  detects: ['accepts-expired-token'],
  async run(ctx) {
    await ctx.step('Authorize the expired idToken (steps 1-2)', async () => {
      await ctx.callExpect(
        'Authorize',
        { idToken: idTokenOf(ctx.config.idTokens.expired) },
        { match: idTokenStatusIn('Expired', 'Invalid'), describe: 'idTokenInfo.status Expired or Invalid' },
      );
    });
  },
});
