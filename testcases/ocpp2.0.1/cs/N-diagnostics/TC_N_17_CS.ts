// OCPP 2.0.1 Part 6 §2.15, TC_N_17_CS: SetMonitoringLevel 10 and -1 are Rejected (Part 2
// N05.FR.02: severities are 0-9).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { levelBefore } from './monitoring-level.js';
import { checkStatus } from './monitoring-status.js';

export default defineTestCase({
  id: 'TC_N_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Monitoring Level - Out of range',
  useCases: ['N05'],
  requirements: ['N05.FR.02'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'severity 10: Rejected, statusInfo absent or ValueOutOfRange / ValueTooHigh' },
    { step: 4, checks: 'severity -1: Rejected, statusInfo absent or ValueOutOfRange / ValueTooLow' },
  ],
  detects: ['monitoring-level-out-of-range-accepted'],
  async run(ctx) {
    await ready(ctx);
    const level = await levelBefore(ctx);
    try {
      await ctx.step('Steps 1-2: SetMonitoringLevel 10', async () => {
        checkStatus(ctx, 'SetMonitoringLevelResponse', await ctx.callExpect('SetMonitoringLevel', { severity: 10 }), ['Rejected'], ['ValueOutOfRange', 'ValueTooHigh'], 2);
      });
      await ctx.step('Steps 3-4: SetMonitoringLevel -1', async () => {
        checkStatus(ctx, 'SetMonitoringLevelResponse', await ctx.callExpect('SetMonitoringLevel', { severity: -1 }), ['Rejected'], ['ValueOutOfRange', 'ValueTooLow'], 4);
      });
    } finally {
      // A station that took either value is put back to the level it had.
      await ctx.call('SetMonitoringLevel', { severity: level }).catch(() => undefined);
    }
  },
});
