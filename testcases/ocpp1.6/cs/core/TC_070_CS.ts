/**
 * OCPP 1.6 TC_070_CS — Sampled Meter Values (OCTT 1.6 document §2.9.1): MeterValueSampleInterval the
 * configured interval, ClockAlignedDataInterval 0, the measurands of MeterValuesSampledData
 * (reusable state GetConfiguration), then the reusable state Charging: for three intervals the
 * MeterValues.req come an interval apart, context Sample.Periodic, with every configured measurand
 * (step 3; 1.6 §4.7, §9.1).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredMeterValueIntervalS } from '../_shared/configured.js';
import { chargingState } from '../_shared/reusable-states.js';
import { checkMeterValues, configuredMeasurands } from './meter-values.js';

export default defineTestCase({
  id: 'TC_070_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Meter values',
  title: 'Sampled Meter Values',
  useCases: ['Meter Values'],
  requirements: ['OCPP 1.6 §4.7', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 3, checks: 'MeterValues.req an interval apart over three intervals, context Sample.Periodic, every measurand of MeterValuesSampledData' }],
  detects: ['no-meter-values'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const intervalS = configuredMeterValueIntervalS(ctx);
    await applyConfigurationStates(ctx, [{ key: 'MeterValueSampleInterval', value: String(intervalS) }, { key: 'ClockAlignedDataInterval', value: '0' }]);
    const measurands = await configuredMeasurands(ctx, 'MeterValuesSampledData');
    await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    const start = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StartTransaction').at(-1);
    if (!start || start.kind !== 'callIn') return ctx.inconclusive('no StartTransaction.req of the Charging state to count the intervals from');
    await ctx.step(`Steps 1-3: MeterValues.req every ${intervalS} s for three intervals`, () =>
      checkMeterValues(ctx, { start: { action: start.action, messageId: start.messageId, payload: start.payload, monoMs: start.monoMs, index: start.index }, intervalS, context: 'Sample.Periodic', measurands, aligned: false }),
    );
    return undefined;
  },
});
