/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_02_CSMS: the simulated station asks to authorize the configured
 * invalid idToken; the CSMS must not accept it (idTokenInfo.status Invalid or Unknown).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, idTokenStatusIn } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_C_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Local start transaction - Authorization Invalid/Unknown',
  useCases: ['C01', 'C04', 'C06'],
  requirements: ['C01.FR.07', 'C04.FR.01', 'C06.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'Authorize the invalid idToken (steps 1-2)' },
  ],
  detects: ['accepts-invalid-token'],
  async run(ctx) {
    await ctx.step('Authorize the invalid idToken (steps 1-2)', async () => {
      await ctx.callExpect(
        'Authorize',
        { idToken: idTokenOf(ctx.config.idTokens.invalid) },
        { match: idTokenStatusIn('Invalid', 'Unknown'), describe: 'idTokenInfo.status Invalid or Unknown' },
      );
    });
  },
});
