// OCPP 2.0.1 Part 6 §2.3, TC_B_55_CS: GetReport for DeviceDataCtrlr.ItemsPerMessage with the
// instance GetReport reports that instance only.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkEach, collectReport, nameOf, newRequestId, requestReport } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_55_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component/variable/instance',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport DeviceDataCtrlr.ItemsPerMessage instance GetReport Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: one entry, DeviceDataCtrlr.ItemsPerMessage instance GetReport' },
  ],
  detects: ['report-ignores-instance'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport DeviceDataCtrlr.ItemsPerMessage instance GetReport is Accepted', () =>
      // Part 6 writes "componentVariable.instance"; the schema puts the instance in componentVariable.variable.
      requestReport(ctx, 'GetReport', { requestId, componentVariable: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetReport' } }] }, 'Accepted', ['NoError'], 2),
    );
    await ctx.step('Steps 3-4: NotifyReport with DeviceDataCtrlr.ItemsPerMessage.GetReport only', async () => {
      const { entries } = await collectReport(ctx, requestId, 3);
      ctx.check('one instance reported', entries.length === 1, { expected: 'DeviceDataCtrlr.ItemsPerMessage.GetReport only', actual: entries.map(nameOf).join(', ') || 'none', frames: [...new Set(entries.flatMap((e) => e.frames))], step: 3 });
      checkEach(ctx, 'DeviceDataCtrlr.ItemsPerMessage, instance GetReport', entries, (e) => (e.component === 'DeviceDataCtrlr' && e.variable === 'ItemsPerMessage' && e.instance === 'GetReport' ? undefined : 'another variable or instance'), 'DeviceDataCtrlr.ItemsPerMessage.GetReport', 3);
    });
  },
});
