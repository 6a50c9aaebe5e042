// OCPP 2.0.1 Part 6 §2.3, TC_B_12_CS: GetBaseReport ConfigurationInventory reports the writable variables.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { baseReport, checkPresent, describeVar, type ReportedVariable } from './base-report.js';
import { requiredVariables } from './required-variables.js';

export default defineTestCase({
  id: 'TC_B_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Base Report - ConfigurationInventory',
  useCases: ['B07'],
  requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.07', 'B07.FR.10', 'B07.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetBaseReport ConfigurationInventory Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyReport: our requestId, generatedAt, seqNo 0, 1, … while tbc; valuesList for list types' },
    { step: 'post', checks: 'every variable has characteristics and is ReadWrite/WriteOnly; the required writable variables of the implemented blocks are reported' },
  ],
  detects: ['no-notify-report', 'config-inventory-omits-required'],
  async run(ctx) {
    await stationReady(ctx);
    const reported = await baseReport(ctx, 'ConfigurationInventory');
    let required: ReturnType<typeof requiredVariables> | undefined;
    await ctx.step('Post scenario: every variable has characteristics and is writable; the required writable ones are there', async () => {
      const noCharacteristics = reported.filter((v) => !v.hasCharacteristics);
      ctx.check('variableCharacteristics present for every variable', noCharacteristics.length === 0, { expected: 'all present', actual: noCharacteristics.length === 0 ? 'all present' : `missing for ${noCharacteristics.map(describeVar).join(', ')}` });
      const readOnly = reported.filter((v) => v.mutability.some((m) => m !== 'ReadWrite' && m !== 'WriteOnly'));
      ctx.check('mutability ReadWrite or WriteOnly for every variable', readOnly.length === 0, { expected: 'ReadWrite or WriteOnly', actual: readOnly.length === 0 ? 'all writable' : `read-only: ${readOnly.slice(0, 10).map(describeVar).join(', ')}` });
      // Part 6: "the required writable variables … relevant to each functional block that has been
      // implemented". Required: Part 2 dm_components_vars.csv (table-driven); writable: the CSV has no
      // mutability, so it is read from the DUT's own FullInventory below, never from our simulator.
      required = requiredVariables(ctx);
    });
    await ctx.step('Precondition read from the DUT: which required variables it reports writable (GetBaseReport FullInventory)', async () => {
      const full = await baseReport(ctx, 'FullInventory', ['Precondition: FullInventory', 'Precondition: FullInventory NotifyReport']);
      const writable = (required?.variables ?? []).filter((r) => full.some((v) => v.component === r.component && v.variable === r.variable && (r.instance === undefined || v.instance === r.instance) && v.mutability.some((m) => m === 'ReadWrite' || m === 'WriteOnly')));
      if (full.length === 0) ctx.inconclusive('the FullInventory report was empty: which required variables are writable cannot be read from the station');
      // The precondition read must agree with the report under test: Part 2 B07 (ConfigurationInventory
      // is the settable part of FullInventory) leaves no room for one variable with two mutabilities,
      // and an odd answer here would silently shrink the required set (DESIGN.md: no silent fallback).
      const same = (a: ReportedVariable, b: ReportedVariable): boolean => describeVar(a) === describeVar(b);
      const disagree = reported.filter((v) => full.some((f) => same(f, v) && f.mutability.join(',') !== v.mutability.join(',')));
      ctx.check('FullInventory reports every variable with the mutability ConfigurationInventory gave it', disagree.length === 0, {
        expected: 'the same mutability in both reports',
        actual: disagree.length === 0 ? 'the same' : disagree.slice(0, 10).map((v) => `${describeVar(v)}: ${v.mutability.join('/')} vs ${full.find((f) => same(f, v))?.mutability.join('/') ?? '?'}`).join(', '),
      });
      checkPresent(ctx, reported, writable, `writable ones of the ${required?.basis ?? ''}`);
    });
  },
});
