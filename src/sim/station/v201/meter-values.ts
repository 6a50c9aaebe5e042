/**
 * Block J, meter values: periodic (sampled) values inside a transaction every
 * SampledDataCtrlr.TxUpdatedInterval (J02), clock-aligned values every AlignedDataCtrlr.Interval
 * on the wall-clock grid (J01), in a TransactionEvent during a transaction and in MeterValues
 * outside one.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201, Context201, MeterValuesApi } from './context.js';
import type { Evse } from './evse.js';
import { measurands, v } from '../device-model-data.js';

export const meterValues: Block201 = {
  name: 'meter-values',
  variables: [
    v({ component: 'SampledDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
    v({ component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
    v({ component: 'SampledDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
    v({ component: 'AlignedDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AlignedDataCtrlr', variable: 'Interval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'AlignedDataCtrlr', variable: 'Measurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
    v({ component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
  ],
  defects: [
    { name: 'no-meter-values', description: 'sends no periodic (sampled) meter values during a transaction' },
    { name: 'no-clock-aligned-meter-values', description: 'ignores the clock-aligned meter value interval' },
  ],
  create: (ctx) => ({ provides: { meterValues: new MeterValues(ctx) } }),
};

class MeterValues implements MeterValuesApi {
  private alignedAbort: AbortController | undefined;

  constructor(private readonly ctx: Context201) {
    const { core, deviceModel, evses } = ctx;
    core.bus.on('bootAccepted', () => {
      this.restartAligned();
      for (const evse of evses.all) if (evse.tx && !evse.tx.ended) this.restartMeter(evse);
    });
    core.bus.on('powerOff', () => {
      this.alignedAbort?.abort();
      for (const evse of evses.all) evse.tx?.meterAbort?.abort();
    });
    deviceModel.onChange((component) => {
      if (component === 'SampledDataCtrlr') for (const evse of evses.all) this.restartMeter(evse);
      if (component === 'AlignedDataCtrlr' && core.accepted) this.restartAligned();
    });
  }

  sampled(evse: Evse, measurands: readonly string[], context: string): JsonObject[] {
    const sampledValue = measurands.flatMap((m) => {
      const s = evse.outlet.sample(m);
      return s ? [{ value: s.value, context, measurand: m, ...(s.unit ? { unitOfMeasure: { unit: s.unit } } : {}) }] : [];
    });
    return sampledValue.length > 0 ? [{ timestamp: this.ctx.core.nowIso(), sampledValue }] : [];
  }

  restartMeter(evse: Evse): void {
    const { core, deviceModel } = this.ctx;
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    tx.meterAbort?.abort();
    tx.meterAbort = undefined;
    if (core.has('no-meter-values')) return;
    const seconds = deviceModel.int('SampledDataCtrlr', 'TxUpdatedInterval');
    if (seconds <= 0 || !deviceModel.bool('SampledDataCtrlr', 'Enabled')) return;
    const abort = new AbortController();
    tx.meterAbort = abort;
    void (async () => {
      while (await core.sleep(seconds * 1000, abort.signal)) {
        if (tx.ended) return;
        const meterValue = this.sampled(evse, deviceModel.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), 'Sample.Periodic');
        if (meterValue.length > 0) this.ctx.transactions.txEvent(evse, 'Updated', 'MeterValuePeriodic', { meterValue });
      }
    })();
  }

  /** Part 2 J01: clock-aligned values every AlignedDataCtrlr.Interval, on the wall-clock grid. */
  private restartAligned(): void {
    const { core, deviceModel, evses } = this.ctx;
    this.alignedAbort?.abort();
    this.alignedAbort = undefined;
    if (core.has('no-clock-aligned-meter-values')) return;
    const seconds = deviceModel.int('AlignedDataCtrlr', 'Interval');
    if (seconds <= 0 || !deviceModel.bool('AlignedDataCtrlr', 'Enabled')) return;
    const abort = new AbortController();
    this.alignedAbort = abort;
    const periodMs = seconds * 1000;
    void (async () => {
      for (;;) {
        const wall = core.clock.wallMs();
        if (!(await core.sleep(periodMs - (wall % periodMs), abort.signal))) return;
        const measurands = deviceModel.list('AlignedDataCtrlr', 'Measurands');
        // Stamped with the tick itself (a timer may wake a millisecond early): every EVSE's values of one interval carry the same time.
        const tick = new Date(Math.round(core.clock.wallMs() / periodMs) * periodMs).toISOString();
        for (const evse of evses.all) {
          const meterValue = this.sampled(evse, measurands, 'Sample.Clock').map((mv) => ({ ...mv, timestamp: tick }));
          if (meterValue.length === 0) continue;
          if (evse.tx && !evse.tx.ended) this.ctx.transactions.txEvent(evse, 'Updated', 'MeterValueClock', { meterValue });
          else void core.send('MeterValues', { evseId: evse.outlet.id, meterValue });
        }
      }
    })();
  }
}
