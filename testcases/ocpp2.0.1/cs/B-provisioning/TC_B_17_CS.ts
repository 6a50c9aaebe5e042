// OCPP 2.0.1 Part 6 §2.3, TC_B_17_CS: GetReport for EVSE #1 AvailabilityState reports exactly that
// variable, an OptionList of the five connector states, read-only, with its Actual value.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkAvailabilityEntry } from './custom-report.js';
import { collectReport, newRequestId, requestReport } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component/variable',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport EVSE[1].AvailabilityState Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: requestId, generatedAt, seqNo 0; EVSE 1 AvailabilityState, OptionList with the five states, ReadOnly, type Actual' },
  ],
  detects: ['custom-report-no-characteristics', 'no-notify-report'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport for EVSE 1 AvailabilityState is Accepted', () =>
      requestReport(ctx, 'GetReport', { requestId, componentVariable: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }] }, 'Accepted', ['NoError'], 2),
    );
    await ctx.step('Steps 3-4: NotifyReport with EVSE 1 AvailabilityState', async () => {
      const { entries } = await collectReport(ctx, requestId, 3);
      checkAvailabilityEntry(ctx, entries, 1, 3);
    });
  },
});
