// OCPP 2.0.1 Part 6 §2.3, TC_B_11_CS: badly formatted values are Rejected, well-formed ones Accepted,
// for an integer, a decimal, a boolean and a dateTime variable (the optional ones when present).
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { rememberValues, resultFor, varData, type VarRef } from './variables.js';

interface Target extends VarRef {
  dataType: 'integer' | 'decimal' | 'boolean' | 'dateTime';
  /** Part 6: steps for this variable run only when the station has it (and can write it). */
  optional: boolean;
}

const targets: Target[] = [
  { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', dataType: 'integer', optional: false },
  { component: 'SmartChargingCtrlr', variable: 'LimitChangeSignificance', dataType: 'decimal', optional: true },
  { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', dataType: 'boolean', optional: true },
  { component: 'ClockCtrlr', variable: 'NextTimeOffsetTransitionDateTime', dataType: 'dateTime', optional: true },
];

function wellFormed(dataType: Target['dataType'], value: string): boolean {
  switch (dataType) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'dateTime':
      return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
  }
}

export default defineTestCase({
  id: 'TC_B_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - invalidly formatted values',
  useCases: ['B05'],
  requirements: ['B05.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariablesResponse for OCPPCommCtrlr.OfflineThreshold: attributeStatus Rejected or Accepted, attributeType Actual, attributeStatusInfo absent or InvalidValue' },
    { step: 4, checks: 'SetVariablesResponse for AuthCtrlr.AuthorizeRemoteStart: attributeStatus Rejected or Accepted, attributeType Actual, attributeStatusInfo absent or InvalidValue' },
    { step: 6, checks: 'SetVariablesResponse for SmartChargingCtrlr.LimitChangeSignificance: attributeStatus Rejected or Accepted, attributeType Actual, attributeStatusInfo absent or InvalidValue' },
    { step: 8, checks: 'SetVariablesResponse for ClockCtrlr.NextTimeOffsetTransitionDateTime: attributeStatus Rejected or Accepted, attributeType Actual, attributeStatusInfo absent or InvalidValue' },
  ],
  detects: ['accepts-invalid-values'],
  async run(ctx) {
    await stationReady(ctx);
    await rememberValues(ctx, targets);
    const offlineThreshold = String(typeof ctx.config.extra['offlineThresholdS'] === 'number' ? ctx.config.extra['offlineThresholdS'] : 300);
    const values = [offlineThreshold, `${offlineThreshold}.1`, 'true', new Date(ctx.clock.wallMs()).toISOString(), 'abc'];
    /** Variables found unknown (or read-only) are not tested further. */
    const skipped = new Set<string>();
    for (const value of values) {
      await ctx.step(`Steps 1-8 with value "${value}"`, async () => {
        for (const t of targets) {
          if (skipped.has(t.variable)) continue;
          const res: JsonObject = await ctx.callExpect('SetVariables', { setVariableData: [varData(t, { attributeValue: value })] });
          const r = resultFor(ctx, res, 'setVariableResult', t);
          const status = r['attributeStatus'];
          if (t.optional && (status === 'UnknownComponent' || status === 'UnknownVariable')) {
            skipped.add(t.variable);
            continue;
          }
          const ok = wellFormed(t.dataType, value);
          if (t.optional && ok && status === 'Rejected' && t.dataType === 'boolean') {
            // Read-only on this station: Part 6 runs these steps only for a writable variable.
            skipped.add(t.variable);
            continue;
          }
          const expected = ok ? 'Accepted' : 'Rejected';
          ctx.check(`${t.component}.${t.variable} = "${value}" (${t.dataType}): attributeStatus`, status === expected, { expected, actual: status ?? 'absent' });
          const type = r['attributeType'];
          ctx.check(`${t.component}.${t.variable}: attributeType`, type === undefined || type === 'Actual', { expected: 'Actual (or omitted)', actual: type ?? 'omitted' });
          if (!ok) {
            const info = r['attributeStatusInfo'] as JsonObject | undefined;
            // Part 6: reasonCode InvalidValue is "not required".
            ctx.check(`${t.component}.${t.variable}: attributeStatusInfo`, info === undefined || info['reasonCode'] === 'InvalidValue', {
              expected: 'absent or reasonCode InvalidValue',
              actual: info ?? 'absent',
              severity: 'warning',
            });
          }
        }
      });
    }
  },
});
