// OCPP 2.0.1 Part 6 §2.3, TC_B_54_CS: GetReport for DeviceDataCtrlr.ItemsPerMessage without an
// instance reports every instance of it.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkEach, collectReport, nameOf, newRequestId, requestReport } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_54_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component/variable, but no instance',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport DeviceDataCtrlr.ItemsPerMessage (no instance) Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: DeviceDataCtrlr.ItemsPerMessage with instance GetReport and instance GetVariables (every instance)' },
  ],
  detects: ['report-first-instance-only'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport DeviceDataCtrlr.ItemsPerMessage without instance is Accepted', () =>
      requestReport(ctx, 'GetReport', { requestId, componentVariable: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage' } }] }, 'Accepted', ['NoError'], 2),
    );
    await ctx.step('Steps 3-4: NotifyReport with every instance of DeviceDataCtrlr.ItemsPerMessage', async () => {
      const { entries } = await collectReport(ctx, requestId, 3);
      checkEach(ctx, 'DeviceDataCtrlr.ItemsPerMessage entries only', entries, (e) => (e.component === 'DeviceDataCtrlr' && e.variable === 'ItemsPerMessage' ? undefined : 'another variable'), 'DeviceDataCtrlr.ItemsPerMessage', 3);
      // Part 6 lists the instances GetReport and "GetVariable" (Part 2 names that instance GetVariables);
      // Part 2 makes both required, so both must come, in whichever order or message.
      const instances = entries.map((e) => e.instance ?? '');
      const missing = ['GetReport', 'GetVariables'].filter((i) => !instances.includes(i) && !(i === 'GetVariables' && instances.includes('GetVariable')));
      ctx.check('the instances GetReport and GetVariables are reported', missing.length === 0, {
        expected: 'ItemsPerMessage.GetReport and ItemsPerMessage.GetVariables',
        actual: missing.length === 0 ? entries.map(nameOf).join(', ') : `missing ${missing.join(', ')} (got ${entries.map(nameOf).join(', ') || 'none'})`,
        frames: [...new Set(entries.flatMap((e) => e.frames))],
        step: 3,
      });
    });
  },
});
