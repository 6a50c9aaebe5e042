// OCPP 2.0.1 Part 6 §2.15, TC_N_05_CS: SetMonitoringBase All, FactoryDefault and HardWiredOnly
// are each Accepted (Part 2 N03.FR.01). The case ends with All, which brings the pre-configured
// monitors back and keeps custom ones (errata 2025-01 N03 remark), as before the case.
import { defineTestCase, type TestContext } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus } from './monitoring-status.js';

async function setBase(ctx: TestContext, base: string, step: number): Promise<void> {
  const res = await ctx.callExpect('SetMonitoringBase', { monitoringBase: base });
  checkStatus(ctx, 'SetMonitoringBaseResponse', res, ['Accepted'], ['NoError'], step);
}

export default defineTestCase({
  id: 'TC_N_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Monitoring Base - success',
  useCases: ['N03'],
  requirements: ['N03.FR.01'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetMonitoringBase All: Accepted, statusInfo absent or NoError' },
    { step: 4, checks: 'SetMonitoringBase FactoryDefault: Accepted, statusInfo absent or NoError' },
    { step: 6, checks: 'SetMonitoringBase HardWiredOnly: Accepted, statusInfo absent or NoError' },
  ],
  detects: ['monitoring-base-rejected'],
  async run(ctx) {
    await ready(ctx);
    try {
      await ctx.step('Steps 1-2: SetMonitoringBase All', () => setBase(ctx, 'All', 2));
      await ctx.step('Steps 3-4: SetMonitoringBase FactoryDefault', () => setBase(ctx, 'FactoryDefault', 4));
      await ctx.step('Steps 5-6: SetMonitoringBase HardWiredOnly', () => setBase(ctx, 'HardWiredOnly', 6));
    } finally {
      await ctx.call('SetMonitoringBase', { monitoringBase: 'All' }).catch(() => undefined);
    }
  },
});
