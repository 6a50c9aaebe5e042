/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_06_CSMS: the simulated station asks to authorize the configured
 * blocked idToken; the CSMS must not accept it (idTokenInfo.status Blocked or Invalid).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, idTokenStatusIn } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_C_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Local start transaction - Authorization Blocked',
  useCases: ['C01'],
  requirements: ['C01.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'Authorize the blocked idToken (steps 1-2)' },
  ],
  detects: ['accepts-blocked-token'],
  async run(ctx) {
    await ctx.step('Authorize the blocked idToken (steps 1-2)', async () => {
      await ctx.callExpect(
        'Authorize',
        { idToken: idTokenOf(ctx.config.idTokens.blocked) },
        { match: idTokenStatusIn('Blocked', 'Invalid'), describe: 'idTokenInfo.status Blocked or Invalid' },
      );
    });
  },
});
