// OCPP 2.0.1 Part 6 §2.3, TC_B_18_CS: GetReport for EVSE #1 AvailabilityState with the criterion
// Available reports it; with the criterion Problem (EVSE #1 has no problem) the result set is empty.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkAvailabilityEntry } from './custom-report.js';
import { collectReport, newRequestId, requestReport } from './report-data.js';

const evse1Availability = [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }];

export default defineTestCase({
  id: 'TC_B_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component criteria and component/variable',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.05', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14', 'B08.FR.15'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport { Available } + EVSE[1].AvailabilityState Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: requestId, generatedAt, seqNo 0; EVSE 1 AvailabilityState, OptionList with the five states, ReadOnly, type Actual' },
    { step: 6, checks: 'GetReport { Problem } + EVSE[1].AvailabilityState answered EmptyResultSet, statusInfo absent or NotFound' },
  ],
  detects: ['criteria-ignored', 'custom-report-no-characteristics'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport { Available } for EVSE 1 AvailabilityState is Accepted', () =>
      requestReport(ctx, 'GetReport', { requestId, componentCriteria: ['Available'], componentVariable: evse1Availability }, 'Accepted', ['NoError'], 2),
    );
    await ctx.step('Steps 3-4: NotifyReport with EVSE 1 AvailabilityState', async () => {
      const { entries } = await collectReport(ctx, requestId, 3);
      checkAvailabilityEntry(ctx, entries, 1, 3);
    });
    await ctx.step('Steps 5-6: GetReport { Problem } for EVSE 1 AvailabilityState is EmptyResultSet', async () => {
      const problemId = newRequestId();
      await requestReport(ctx, 'GetReport', { requestId: problemId, componentCriteria: ['Problem'], componentVariable: evse1Availability }, 'EmptyResultSet', ['NotFound'], 6);
    });
  },
});
