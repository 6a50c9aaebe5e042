// OCPP 2.0.1 Part 6 §2.3, TC_B_19_CS: GetReport with a component criterion the station does not
// support (next to Available) is answered NotSupported.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { newRequestId, requestReport } from './report-data.js';

/** Part 6 "<Configured Unsupported componentCriteria>": config `extra.unsupportedComponentCriteria` (default Active). */
const unsupportedCriterion = (extra: Record<string, unknown>): string => (typeof extra['unsupportedComponentCriteria'] === 'string' ? extra['unsupportedComponentCriteria'] : 'Active');

export default defineTestCase({
  id: 'TC_B_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - for unknown component criteria',
  useCases: ['B08'],
  requirements: ['B08.FR.02'],
  certification: [],
  validations: [{ step: 2, checks: 'GetReport { Available, <unsupported> } answered NotSupported, statusInfo absent, UnsupportedParam or InvalidValue' }],
  detects: ['criteria-unsupported-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    const criterion = unsupportedCriterion(ctx.config.extra);
    await ctx.step(`Steps 1-2: GetReport { Available, ${criterion} } is NotSupported`, () =>
      requestReport(ctx, 'GetReport', { requestId: newRequestId(), componentCriteria: ['Available', criterion] }, 'NotSupported', ['UnsupportedParam', 'InvalidValue'], 2),
    );
  },
});
