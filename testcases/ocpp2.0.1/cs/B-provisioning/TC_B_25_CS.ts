// OCPP 2.0.1 Part 6 §2.3, TC_B_25_CS: a station that resets EVSEs one by one accepts Reset OnIdle
// of the configured EVSE when it has no transaction.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_B_25_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset EVSE - Without ongoing transaction',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.08', 'B11.FR.10'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-13' },
  validations: [{ step: 2, checks: 'Reset OnIdle with evseId <configured> is Accepted' }],
  detects: ['reset-evse-rejected'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle of the configured EVSE is Accepted', async () => {
      const res = await ctx.callExpect('Reset', { type: 'OnIdle', evseId: ctx.config.evseId });
      ctx.check('ResetResponse status', res['status'] === 'Accepted', { expected: 'Accepted', actual: res['status'] ?? 'absent', step: 2 });
    });
  },
});
