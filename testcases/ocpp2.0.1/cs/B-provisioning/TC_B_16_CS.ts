// OCPP 2.0.1 Part 6 §2.3, TC_B_16_CS: GetReport with componentCriteria { Enabled } reports the
// Enabled variable of every component where it is "true", and GetVariables confirms each one.
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { actualOf, checkEach, collectReport, nameOf, newRequestId, requestReport, type ReportEntry } from './report-data.js';

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const refOf = (e: ReportEntry): JsonObject => ({
  component: { name: e.component, ...(e.componentInstance ? { instance: e.componentInstance } : {}), ...(e.evseId === undefined ? {} : { evse: { id: e.evseId, ...(e.connectorId === undefined ? {} : { connectorId: e.connectorId }) } }) },
  variable: { name: e.variable, ...(e.instance ? { instance: e.instance } : {}) },
});
const keyOf = (c: unknown, v: unknown): string => {
  const comp = asObj(c);
  const evse = asObj(comp?.['evse']);
  return JSON.stringify([comp?.['name'], comp?.['instance'], evse?.['id'], evse?.['connectorId'], asObj(v)?.['name'], asObj(v)?.['instance']]);
};

export default defineTestCase({
  id: 'TC_B_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Custom Report - with component criteria',
  useCases: ['B08'],
  requirements: ['B08.FR.01', 'B08.FR.03', 'B08.FR.04', 'B08.FR.07', 'B08.FR.09', 'B08.FR.10', 'B08.FR.12', 'B08.FR.13', 'B08.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetReport componentCriteria { Enabled } Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: requestId, generatedAt, seqNo 0, 1, …; every entry has characteristics, variable Enabled, value "true"' },
    { step: 6, checks: 'GetVariables of every reported variable: Accepted, value "true"' },
    { step: 'post', checks: 'every Enabled = "true" of the FullInventory report is in the custom report (and, FullInventory holding every variable, the converse)' },
  ],
  detects: ['criteria-ignored', 'custom-report-no-characteristics'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetReport componentCriteria { Enabled } is Accepted', () => requestReport(ctx, 'GetReport', { requestId, componentCriteria: ['Enabled'] }, 'Accepted', ['NoError'], 2));
    let entries: ReportEntry[] = [];
    await ctx.step('Steps 3-4: NotifyReport with the Enabled variables that are "true"', async () => {
      entries = (await collectReport(ctx, requestId, 3)).entries;
      ctx.check('at least one variable reported', entries.length > 0, { expected: 'the Enabled variables set to "true"', actual: `${entries.length} entries`, step: 3 });
      checkEach(ctx, 'variableCharacteristics present', entries, (e) => (e.hasCharacteristics ? undefined : 'absent'), 'present', 3);
      checkEach(ctx, 'variable.name is Enabled', entries, (e) => (e.variable === 'Enabled' ? undefined : `variable ${e.variable}`), 'Enabled', 3);
      checkEach(ctx, 'variableAttribute value "true"', entries, (e) => (actualOf(e) === 'true' ? undefined : `value ${actualOf(e) ?? 'absent'}`), '"true"', 3);
    });
    await ctx.step('Steps 5-6: GetVariables of every reported variable is Accepted with "true"', async () => {
      if (entries.length === 0) return;
      // In parts of 10, under any ItemsPerMessage the station may have for GetVariables.
      const results: Array<JsonObject | undefined> = [];
      for (let i = 0; i < entries.length; i += 10) {
        const res = await ctx.callExpect('GetVariables', { getVariableData: entries.slice(i, i + 10).map(refOf) });
        if (Array.isArray(res['getVariableResult'])) results.push(...(res['getVariableResult'] as unknown[]).map(asObj));
      }
      const byKey = new Map(results.map((r) => [keyOf(r?.['component'], r?.['variable']), r]));
      checkEach(ctx, 'GetVariablesResponse: attributeStatus Accepted, attributeValue "true"', entries, (e) => {
        const r = byKey.get(keyOf(refOf(e)['component'], refOf(e)['variable']));
        if (!r) return 'no result';
        return r['attributeStatus'] === 'Accepted' && r['attributeValue'] === 'true' ? undefined : `attributeStatus ${JSON.stringify(r['attributeStatus'])}, attributeValue ${JSON.stringify(r['attributeValue'] ?? 'absent')}`;
      }, 'Accepted, "true"', 6);
    });
    await ctx.step('Post scenario: every Enabled = "true" of the FullInventory report is in the custom report', async () => {
      const fullId = newRequestId();
      await requestReport(ctx, 'GetBaseReport', { requestId: fullId, reportBase: 'FullInventory' }, 'Accepted', ['NoError']);
      const full = (await collectReport(ctx, fullId)).entries;
      const reported = new Set(entries.map(nameOf));
      const enabled = full.filter((e) => e.variable === 'Enabled' && actualOf(e) === 'true');
      checkEach(ctx, 'each Enabled = "true" of FullInventory is in the custom report', enabled, (e) => (reported.has(nameOf(e)) ? undefined : 'not in the custom report'), 'all of them');
      // The same station, moments apart: FullInventory holds every variable (Part 2 B07), so each
      // custom-reported Enabled = "true" is one of them too (else one of the two reports is wrong).
      const inFull = new Set(enabled.map(nameOf));
      checkEach(ctx, 'each variable of the custom report is an Enabled = "true" of FullInventory', entries, (e) => (inFull.has(nameOf(e)) ? undefined : 'not an Enabled = "true" of the FullInventory report'), 'all of them');
    });
  },
});
