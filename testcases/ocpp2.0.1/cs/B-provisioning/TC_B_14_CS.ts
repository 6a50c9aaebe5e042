// OCPP 2.0.1 Part 6 §2.3, TC_B_14_CS: GetBaseReport SummaryInventory reports the availability of
// the station, of every EVSE (and its connectors), and any problem conditions.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkCharacteristics, collectReport, nameOf, newRequestId, requestReport, type ReportEntry } from './report-data.js';

export default defineTestCase({
  id: 'TC_B_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - SummaryInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.09', 'B07.FR.10', 'B07.FR.12'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  applies: { item: 'C-56' },
  validations: [
    { step: 2, checks: 'GetBaseReport SummaryInventory Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: our requestId, generatedAt, seqNo 0, 1, … while tbc' },
    { step: 'post', checks: 'characteristics on every variable, valuesList for list types; AvailabilityState of the ChargingStation and of every EVSE reported' },
  ],
  detects: ['no-notify-report', 'summary-omits-evse'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetBaseReport SummaryInventory is Accepted', () => requestReport(ctx, 'GetBaseReport', { requestId, reportBase: 'SummaryInventory' }, 'Accepted', ['NoError'], 2));
    let entries: ReportEntry[] = [];
    await ctx.step('Steps 3-4: NotifyReport messages until tbc is false', async () => {
      entries = (await collectReport(ctx, requestId, 3)).entries;
    });
    await ctx.step('Post scenario: characteristics, and the availability of the station and of every EVSE', async () => {
      checkCharacteristics(ctx, entries);
      const has = (component: string, evseId?: number): boolean => entries.some((e) => e.component === component && e.variable === 'AvailabilityState' && (evseId === undefined || (e.evseId === evseId && e.connectorId === undefined)));
      const missing = [
        ...(has('ChargingStation') ? [] : ['ChargingStation.AvailabilityState']),
        ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1).filter((id) => !has('EVSE', id)).map((id) => `EVSE[${id}].AvailabilityState`),
      ];
      ctx.check('AvailabilityState of the ChargingStation and of each EVSE reported', missing.length === 0, {
        expected: `ChargingStation.AvailabilityState and EVSE[1..${ctx.config.numberOfEvses}].AvailabilityState`,
        actual: missing.length === 0 ? `reported (${entries.length} variables: ${entries.slice(0, 6).map(nameOf).join(', ')}${entries.length > 6 ? ', …' : ''})` : `missing: ${missing.join(', ')}`,
        frames: [...new Set(entries.flatMap((e) => e.frames))],
      });
    });
  },
});
