// OCPP 2.0.1 Part 6 §2.3, TC_B_53_CS: the FullInventory base report holds every required
// device-model variable, list types carry a valuesList their values keep to, and WriteOnly
// variables come without a value.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkPresent, type ReportedVariable } from './base-report.js';
import { checkCharacteristics, checkEach, collectReport, itemsOf, listTypes, newRequestId, requestReport, type ReportEntry } from './report-data.js';
import { requiredVariables } from './required-variables.js';

/** A value a list type allows: OptionList one item, SequenceList / MemberList a comma-separated subset. */
function allowed(e: ReportEntry, value: string): boolean {
  const items = itemsOf(e.valuesList);
  if (e.dataType === 'OptionList') return items.includes(value);
  return itemsOf(value).every((v) => items.includes(v));
}

export default defineTestCase({
  id: 'TC_B_53_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - Test mandatory DM variables via FullInventory',
  useCases: ['B07'],
  requirements: ['Part 2 "Referenced Components and Variables"', 'B07.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetBaseReport FullInventory Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: our requestId, generatedAt, seqNo 0, 1, … while tbc' },
    { step: 'post', checks: 'the required variables of the implemented blocks are there; list types have a valuesList and values from it; WriteOnly variables without value' },
  ],
  detects: ['report-omits-required-variables', 'report-option-value-not-listed'],
  async run(ctx) {
    await stationReady(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: GetBaseReport FullInventory is Accepted', () => requestReport(ctx, 'GetBaseReport', { requestId, reportBase: 'FullInventory' }, 'Accepted', ['NoError'], 2));
    let entries: ReportEntry[] = [];
    await ctx.step('Steps 3-4: NotifyReport messages until tbc is false', async () => {
      entries = (await collectReport(ctx, requestId, 3)).entries;
    });
    await ctx.step('Post scenario: required variables, valuesLists and their values, WriteOnly without value', async () => {
      // Required: Part 2 dm_components_vars.csv, for the blocks the PICS says are implemented.
      const { variables, basis } = requiredVariables(ctx);
      const reported: ReportedVariable[] = entries.map((e) => ({
        component: e.component,
        ...(e.evseId === undefined ? {} : { evseId: e.evseId }),
        ...(e.connectorId === undefined ? {} : { connectorId: e.connectorId }),
        variable: e.variable,
        ...(e.instance === undefined ? {} : { instance: e.instance }),
        mutability: e.attributes.map((a) => a.mutability),
        hasCharacteristics: e.hasCharacteristics,
      }));
      checkPresent(ctx, reported, variables, basis);
      checkCharacteristics(ctx, entries);
      checkEach(ctx, 'list-type values are from their valuesList', entries, (e) => {
        if (e.dataType === undefined || !listTypes.includes(e.dataType)) return undefined;
        const bad = e.attributes.filter((a) => a.value !== undefined && a.value !== '' && !allowed(e, a.value));
        return bad.length === 0 ? undefined : `value ${bad.map((a) => JSON.stringify(a.value)).join(', ')} not in "${e.valuesList ?? ''}"`;
      }, 'every value allowed by the valuesList');
      checkEach(ctx, 'WriteOnly variables are reported without a value', entries, (e) => (e.attributes.some((a) => a.mutability === 'WriteOnly' && a.value !== undefined) ? 'a WriteOnly attribute with a value' : undefined), 'no value for WriteOnly');
    });
  },
});
