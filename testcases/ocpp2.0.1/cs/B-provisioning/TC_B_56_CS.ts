// OCPP 2.0.1 Part 6 §2.3, TC_B_56_CS: GetReport for EVSE AvailabilityState without an evse id
// reports it for every EVSE.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkEach, collectReport, nameOf, newRequestId, requestReport } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_56_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component/variable, but no evseId',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.11', 'B08.FR.12', 'B08.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport EVSE.AvailabilityState (no evse) Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: EVSE AvailabilityState entries, one per configured EVSE' },
  ],
  detects: ['report-evse-needs-id'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport EVSE AvailabilityState without evse id is Accepted', () =>
      requestReport(ctx, 'GetReport', { requestId, componentVariable: [{ component: { name: 'EVSE' }, variable: { name: 'AvailabilityState' } }] }, 'Accepted', ['NoError'], 2),
    );
    await ctx.step('Steps 3-4: NotifyReport with the AvailabilityState of every EVSE', async () => {
      const { entries } = await collectReport(ctx, requestId, 3);
      checkEach(ctx, 'EVSE AvailabilityState entries', entries, (e) => (e.component === 'EVSE' && e.variable === 'AvailabilityState' ? undefined : 'another variable'), 'EVSE.AvailabilityState', 3);
      const ids = [...new Set(entries.filter((e) => e.component === 'EVSE' && e.evseId !== undefined).map((e) => e.evseId))];
      ctx.check('number of EVSEs = configured EVSE count', ids.length === ctx.config.numberOfEvses, {
        expected: `${ctx.config.numberOfEvses} EVSE(s)`,
        actual: `${ids.length}: ${entries.map(nameOf).join(', ') || 'none'}`,
        frames: [...new Set(entries.flatMap((e) => e.frames))],
        step: 3,
      });
    });
  },
});
