/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_14_CSMS: asked for a SummaryInventory report, the CSMS sends
 * GetBaseReportRequest with reportBase SummaryInventory and a requestId >= 0; the simulated station
 * accepts and reports in two NotifyReportRequests, which the CSMS must take.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { baseReportScenario, reportParts, sendReport } from './support.js';

export default defineTestCase({
  id: 'TC_B_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Base Report - SummaryInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.09'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  // Part 5: the CSMS supports the optional SummaryInventory report (C-56).
  applies: { item: 'C-56' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'GetBaseReportRequest: requestId an integer >= 0, reportBase SummaryInventory' },
    { step: 'post', checks: 'every NotifyReportRequest of the requestId is answered (what the CSMS shows an operator is not on the wire)' },
  ],
  detects: ['base-report-wrong-base'],
  async run(ctx) {
    await baseReportScenario(ctx, 'SummaryInventory', {
      step1: (call) => {
        const requestId = call.payload['requestId'];
        ctx.check('GetBaseReportRequest.requestId is an integer >= 0', Number.isInteger(requestId) && (requestId as number) >= 0, { expected: 'an integer >= 0', actual: requestId, frames: framesOf(call), step: 1 });
        ctx.check('GetBaseReportRequest.reportBase is SummaryInventory', call.payload['reportBase'] === 'SummaryInventory', { expected: 'SummaryInventory', actual: call.payload['reportBase'], frames: framesOf(call), step: 1 });
      },
      post: (requestId) => sendReport(ctx, requestId, reportParts(ctx, 'SummaryInventory')),
    });
  },
});
