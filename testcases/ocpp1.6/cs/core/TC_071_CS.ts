/**
 * OCPP 1.6 TC_071_CS — Clock-aligned Meter Values (OCTT 1.6 document §2.9.2): MeterValueSampleInterval 0,
 * ClockAlignedDataInterval the configured interval, the measurands of MeterValuesAlignedData
 * (reusable state GetConfiguration), then the reusable state Charging: for three intervals the
 * MeterValues.req come an interval apart on the clock grid, context Sample.Clock, with every measurand
 * (step 3; 1.6 §4.7, §9.1 ClockAlignedDataInterval).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredClockAlignedIntervalS } from '../_shared/configured.js';
import { chargingState } from '../_shared/reusable-states.js';
import { checkMeterValues, configuredMeasurands } from './meter-values.js';

export default defineTestCase({
  id: 'TC_071_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Meter values',
  title: 'Clock-aligned Meter Values',
  useCases: ['Meter Values'],
  requirements: ['OCPP 1.6 §4.7', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 3, checks: 'MeterValues.req an interval apart on the clock-aligned grid over three intervals, context Sample.Clock, every measurand of MeterValuesAlignedData' }],
  detects: ['no-clock-aligned-meter-values'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const intervalS = configuredClockAlignedIntervalS(ctx);
    await applyConfigurationStates(ctx, [{ key: 'MeterValueSampleInterval', value: '0' }, { key: 'ClockAlignedDataInterval', value: String(intervalS) }]);
    const measurands = await configuredMeasurands(ctx, 'MeterValuesAlignedData');
    await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    const start = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StartTransaction').at(-1);
    if (!start || start.kind !== 'callIn') return ctx.inconclusive('no StartTransaction.req of the Charging state to count the intervals from');
    await ctx.step(`Steps 1-3: MeterValues.req every ${intervalS} s for three intervals`, () =>
      checkMeterValues(ctx, { start: { action: start.action, messageId: start.messageId, payload: start.payload, monoMs: start.monoMs, index: start.index }, intervalS, context: 'Sample.Clock', measurands, aligned: true }),
    );
    return undefined;
  },
});
