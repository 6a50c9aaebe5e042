// OCPP 2.0.1 Part 6 §2.3, TC_B_13_CS: GetBaseReport FullInventory reports everything, the
// charging-infrastructure variables included.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { baseReport, checkPresent, describeVar } from './base-report.js';
import { requiredVariables } from './required-variables.js';

export default defineTestCase({
  id: 'TC_B_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - FullInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.08', 'B07.FR.10', 'B07.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetBaseReport FullInventory Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: our requestId, generatedAt, seqNo 0, 1, … while tbc; valuesList for list types' },
    { step: 'post', checks: 'every variable has characteristics; the required variables of the implemented blocks (Part 2 dm_components_vars.csv) are reported' },
  ],
  detects: ['no-notify-report', 'report-omits-required-variables'],
  async run(ctx) {
    await stationReady(ctx);
    const reported = await baseReport(ctx, 'FullInventory');
    await ctx.step('Post scenario: every variable has characteristics; the required infrastructure and Core variables are there', async () => {
      const noCharacteristics = reported.filter((v) => !v.hasCharacteristics);
      ctx.check('variableCharacteristics present for every variable', noCharacteristics.length === 0, { expected: 'all present', actual: noCharacteristics.length === 0 ? 'all present' : `missing for ${noCharacteristics.map(describeVar).join(', ')}` });
      // Table-driven from Part 2 dm_components_vars.csv (Required? = yes) for the implemented blocks.
      const { variables, basis } = requiredVariables(ctx);
      checkPresent(ctx, reported, variables, basis);
    });
  },
});
