// OCPP 2.0.1 Part 6 §2.3, TC_B_15_CS: a station that does not provide the optional SummaryInventory
// (Part 5 C-56 absent) answers GetBaseReport SummaryInventory NotSupported (Part 2 B07.FR.02) and
// sends no NotifyReport for it. The demo runs it against the `no-summary-inventory` variant.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { newRequestId, requestReport } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - Not Supported base report',
  useCases: ['B07'],
  requirements: ['B07.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { not: { item: 'C-56' } },
  validations: [{ step: 2, checks: 'GetBaseReport SummaryInventory NotSupported, statusInfo absent or reasonCode UnsupportedParam; no NotifyReport follows' }],
  detects: ['accepts-unsupported-summary-inventory'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetBaseReport SummaryInventory is NotSupported', () => requestReport(ctx, 'GetBaseReport', { requestId, reportBase: 'SummaryInventory' }, 'NotSupported', ['UnsupportedParam'], 2));
    // Part 6 note: the tool waits to make sure no NotifyReportRequest comes.
    const quietMs = Math.min(ctx.config.messageTimeoutMs, ctx.toleranceMs);
    await ctx.step(`Step 2 (note): no NotifyReport for requestId ${requestId} within ${quietMs} ms`, () =>
      ctx.expectNoCall('NotifyReport', { forMs: quietMs, match: { requestId }, describe: `NotifyReport with requestId ${requestId}`, step: 2 }),
    );
  },
});
