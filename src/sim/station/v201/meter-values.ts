/**
 * Block J, meter values: periodic (sampled) values inside a transaction every
 * SampledDataCtrlr.TxUpdatedInterval (J02), clock-aligned values every AlignedDataCtrlr.Interval
 * on the wall-clock grid (J01), in a TransactionEvent during a transaction and in MeterValues
 * outside one (not during a transaction when AlignedDataCtrlr.SendDuringIdle is true), and the
 * values a transaction's own events carry (./meter-values-tx.ts). Readings are signed when the
 * controller's SignReadings is true (J01.FR.21, J02.FR.21).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201, Context201, MeterValuesApi } from './context.js';
import type { Evse } from './evse.js';
import { measurands, v } from '../device-model-data.js';
import { alignedTick, TxMeterValues } from './meter-values-tx.js';

export const meterValues: Block201 = {
  name: 'meter-values',
  variables: [
    v({ component: 'SampledDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
    v({ component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
    v({ component: 'SampledDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
    v({ component: 'SampledDataCtrlr', variable: 'SignReadings', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AlignedDataCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AlignedDataCtrlr', variable: 'Interval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'AlignedDataCtrlr', variable: 'Measurands', dataType: 'MemberList', mutability: 'ReadWrite', value: 'Energy.Active.Import.Register', valuesList: measurands }),
    v({ component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 's', min: 0 }),
    v({ component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', dataType: 'MemberList', mutability: 'ReadWrite', value: '', valuesList: measurands }),
    v({ component: 'AlignedDataCtrlr', variable: 'SignReadings', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'OCPPCommCtrlr', variable: 'PublicKeyWithSignedMeterValue', dataType: 'OptionList', mutability: 'ReadWrite', value: 'EveryMeterValue', valuesList: ['Never', 'OncePerTransaction', 'EveryMeterValue'] }),
  ],
  defects: [
    { name: 'no-meter-values', description: 'sends no periodic (sampled) meter values during a transaction' },
    { name: 'no-clock-aligned-meter-values', description: 'ignores the clock-aligned meter value interval' },
    { name: 'no-tx-started-meter-values', description: 'leaves the Transaction.Begin values (SampledDataCtrlr.TxStartedMeasurands) out of the transaction events' },
    { name: 'no-aligned-tx-ended-values', description: 'leaves the clock-aligned values of AlignedDataCtrlr.TxEndedInterval out of TransactionEvent Ended' },
    { name: 'no-sampled-tx-ended-values', description: 'leaves the sampled values of SampledDataCtrlr.TxEndedInterval out of TransactionEvent Ended' },
    { name: 'aligned-values-during-transaction', description: 'sends clock-aligned meter values during a transaction although AlignedDataCtrlr.SendDuringIdle is true' },
    { name: 'unsigned-meter-values', description: 'ignores SignReadings: sends no signedMeterValue' },
    { name: 'meter-signature-mismatch', description: 'the signedMeterValue signs another reading than the sampledValue reports' },
  ],
  quirks: [
    // Part 2 OCPPCommCtrlr.PublicKeyWithSignedMeterValue: the key may be sent once per transaction.
    { name: 'public-key-once-per-transaction', description: 'PublicKeyWithSignedMeterValue is OncePerTransaction: only the first signed reading of a transaction carries the public key' },
    // Part 2 UnitOfMeasureType: any unit of the measurand is allowed; meters often count kWh.
    { name: 'energy-in-kwh', description: 'reports Energy.Active.Import.Register in kWh (unitOfMeasure kWh) instead of Wh' },
  ],
  create: (ctx) => ({ provides: { meterValues: new MeterValues(ctx) } }),
};

class MeterValues implements MeterValuesApi {
  private alignedAbort: AbortController | undefined;
  private readonly tx: TxMeterValues;

  constructor(private readonly ctx: Context201) {
    this.tx = new TxMeterValues(ctx);
    const { core, deviceModel, evses } = ctx;
    if (core.has('public-key-once-per-transaction')) deviceModel.setInternal({ name: 'OCPPCommCtrlr' }, { name: 'PublicKeyWithSignedMeterValue' }, 'OncePerTransaction');
    core.bus.on('bootAccepted', () => {
      this.restartAligned();
      for (const evse of evses.all) if (evse.tx && !evse.tx.ended) this.restartMeter(evse);
    });
    core.bus.on('powerOff', () => {
      this.alignedAbort?.abort();
      for (const evse of evses.all) {
        evse.tx?.meterAbort?.abort();
        this.tx.stop(evse);
      }
    });
    deviceModel.onChange((component) => {
      if (component === 'SampledDataCtrlr') for (const evse of evses.all) this.restartMeter(evse);
      if (component === 'AlignedDataCtrlr' && core.accepted) this.restartAligned();
    });
  }

  sampled(evse: Evse, measurands: readonly string[], context: string): JsonObject[] {
    return this.tx.reading(evse, measurands, context, undefined);
  }

  eventValues(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', reportsEvse: boolean): JsonObject[] | undefined {
    return this.tx.eventValues(evse, eventType, reportsEvse);
  }

  restartMeter(evse: Evse): void {
    const { core, deviceModel } = this.ctx;
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    this.tx.started(evse);
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
        const meterValue = this.tx.reading(evse, deviceModel.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), 'Sample.Periodic', 'SampledDataCtrlr', tx);
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
        // AlignedDataCtrlr.SendDuringIdle (Part 2 appendix): no clock-aligned values while a transaction is ongoing.
        const idleOnly = deviceModel.bool('AlignedDataCtrlr', 'SendDuringIdle') && !core.has('aligned-values-during-transaction');
        if (idleOnly && evses.all.some((e) => e.tx && !e.tx.ended)) continue;
        // Stamped with the tick itself (a timer may wake a millisecond early): every EVSE's values of one interval carry the same time.
        const tick = alignedTick(core.clock.wallMs(), periodMs);
        for (const evse of evses.all) {
          const meterValue = this.tx.reading(evse, measurands, 'Sample.Clock', 'AlignedDataCtrlr', evse.tx && !evse.tx.ended ? evse.tx : undefined, tick);
          if (meterValue.length === 0) continue;
          if (evse.tx && !evse.tx.ended) this.ctx.transactions.txEvent(evse, 'Updated', 'MeterValueClock', { meterValue });
          else void core.send('MeterValues', { evseId: evse.outlet.id, meterValue });
        }
      }
    })();
  }
}
