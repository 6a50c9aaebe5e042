/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_13_CSMS: asked for a FullInventory report, the CSMS sends
 * GetBaseReportRequest with reportBase FullInventory and a requestId >= 0; the simulated station
 * accepts and reports in two NotifyReportRequests, which the CSMS must take.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { baseReportScenario, reportParts, sendReport } from './support.js';

export default defineTestCase({
  id: 'TC_B_13_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Base Report - FullInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: only when the CSMS can be made to ask for a FullInventory by hand (C-50.2).
  applies: { item: 'C-50.2' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'GetBaseReportRequest: requestId an integer >= 0, reportBase FullInventory' },
    { step: 'post', checks: 'every NotifyReportRequest of the requestId is answered (what the CSMS shows an operator is not on the wire)' },
  ],
  detects: ['base-report-wrong-base'],
  async run(ctx) {
    await baseReportScenario(ctx, 'FullInventory', {
      step1: (call) => {
        const requestId = call.payload['requestId'];
        ctx.check('GetBaseReportRequest.requestId is an integer >= 0', Number.isInteger(requestId) && (requestId as number) >= 0, { expected: 'an integer >= 0', actual: requestId, frames: framesOf(call), step: 1 });
        ctx.check('GetBaseReportRequest.reportBase is FullInventory', call.payload['reportBase'] === 'FullInventory', { expected: 'FullInventory', actual: call.payload['reportBase'], frames: framesOf(call), step: 1 });
      },
      post: (requestId) => sendReport(ctx, requestId, reportParts(ctx, 'FullInventory')),
    });
  },
});
