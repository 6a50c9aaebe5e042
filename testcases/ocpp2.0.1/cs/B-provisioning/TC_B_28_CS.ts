// OCPP 2.0.1 Part 6 §2.3, TC_B_28_CS: a station that cannot reset a single EVSE (Part 5 C-13 absent)
// answers Reset OnIdle with an evseId Rejected (Part 2 B11.FR.09). The demo runs it against the
// `no-evse-reset` variant.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_B_28_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset EVSE - Not Supported',
  useCases: ['B11', 'B12'],
  requirements: ['B11.FR.01', 'B11.FR.09', 'B12.FR.01', 'B12.FR.09'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { not: { item: 'C-13' } },
  validations: [{ step: 2, checks: 'Reset OnIdle with evseId <configured> is Rejected' }],
  detects: ['accepts-unsupported-evse-reset'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle of the configured EVSE is Rejected', async () => {
      const res = await ctx.callExpect('Reset', { type: 'OnIdle', evseId: ctx.config.evseId });
      ctx.check('ResetResponse status', res['status'] === 'Rejected', { expected: 'Rejected', actual: res['status'] ?? 'absent', step: 2 });
    });
  },
});
