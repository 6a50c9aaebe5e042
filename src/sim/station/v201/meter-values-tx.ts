/**
 * Block J, the meter values a transaction's own TransactionEvents carry (Part 2 J02 / J01 and
 * Part 6 TC_J_03/04/07/08/10/11): Transaction.Begin values (SampledDataCtrlr.TxStartedMeasurands) in
 * the first event that reports the EVSE, and in the Ended event the values collected during the
 * transaction — every SampledDataCtrlr.TxEndedInterval from the start (Sample.Periodic), on the
 * AlignedDataCtrlr.TxEndedInterval clock grid (Sample.Clock) — closed by one Transaction.End reading.
 * Readings are signed (OCMF) when the controller's SignReadings is true.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { createMeterSigningKey, signMeterReading, type MeterSigningKey } from '../../../protocol/signed-meter-value.js';
import type { Context201 } from './context.js';
import type { Evse, Tx } from './evse.js';

type Ctrlr = 'SampledDataCtrlr' | 'AlignedDataCtrlr';

interface TxMeter {
  /** Transaction.Begin values already sent (in the first event with the EVSE). */
  beginSent: boolean;
  /** PublicKeyWithSignedMeterValue OncePerTransaction: the key went out in this transaction. */
  keySent: boolean;
  /** The TxEnded values collected so far. */
  ended: JsonObject[];
  abort: AbortController;
}

export class TxMeterValues {
  private readonly meters = new WeakMap<Tx, TxMeter>();
  private readonly key: MeterSigningKey = createMeterSigningKey();

  constructor(private readonly ctx: Context201) {}

  /** One meterValue element (or none) for `measurands`, signed when `signedBy` says so. */
  reading(evse: Evse, measurands: readonly string[], context: string, signedBy: Ctrlr | undefined, tx?: Tx, at?: string): JsonObject[] {
    const { core, deviceModel } = this.ctx;
    const timestamp = at ?? core.nowIso();
    const sign = signedBy !== undefined && deviceModel.bool(signedBy, 'SignReadings') && !core.has('unsigned-meter-values');
    const sampledValue = measurands.flatMap((m) => {
      const raw = evse.outlet.sample(m);
      if (!raw) return [];
      // Quirk energy-in-kwh: the register in kWh (three decimals, the meter's resolution).
      const s = core.has('energy-in-kwh') && raw.unit === 'Wh' ? { value: Math.round(raw.value) / 1000, unit: 'kWh' } : raw;
      const value: JsonObject = { value: s.value, context, measurand: m, ...(s.unit ? { unitOfMeasure: { unit: s.unit } } : {}) };
      if (sign) {
        // The meter-signature-mismatch defect signs a reading that is not the reported one.
        const signedValue = core.has('meter-signature-mismatch') ? s.value + 1000 : s.value;
        value['signedMeterValue'] = signMeterReading({ timestamp, value: signedValue, unit: s.unit ?? 'Wh', context, ...(tx ? { transactionId: tx.id } : {}) }, this.key, this.withKey(tx));
      }
      return [value];
    });
    return sampledValue.length > 0 ? [{ timestamp, sampledValue }] : [];
  }

  /** OCPPCommCtrlr.PublicKeyWithSignedMeterValue: Never, OncePerTransaction or EveryMeterValue. */
  private withKey(tx: Tx | undefined): boolean {
    const mode = this.ctx.deviceModel.list('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue')[0] ?? 'EveryMeterValue';
    if (mode === 'Never') return false;
    if (mode !== 'OncePerTransaction' || tx === undefined) return true;
    const meter = this.meters.get(tx);
    if (!meter || meter.keySent) return meter === undefined;
    meter.keySent = true;
    return true;
  }

  /** The transaction started: collect its TxEnded values from now on. */
  started(evse: Evse): void {
    const tx = evse.tx;
    if (!tx || tx.ended || this.meters.has(tx)) return;
    const meter: TxMeter = { beginSent: false, keySent: false, ended: [], abort: new AbortController() };
    this.meters.set(tx, meter);
    const { core, deviceModel } = this.ctx;
    const sampledS = deviceModel.int('SampledDataCtrlr', 'TxEndedInterval');
    if (sampledS > 0 && !core.has('no-sampled-tx-ended-values')) {
      void (async () => {
        while (await core.sleep(sampledS * 1000, meter.abort.signal)) {
          if (tx.ended) return;
          meter.ended.push(...this.reading(evse, deviceModel.list('SampledDataCtrlr', 'TxEndedMeasurands'), 'Sample.Periodic', 'SampledDataCtrlr', tx));
        }
      })();
    }
    const alignedS = deviceModel.int('AlignedDataCtrlr', 'TxEndedInterval');
    if (alignedS > 0 && !core.has('no-aligned-tx-ended-values')) {
      const periodMs = alignedS * 1000;
      void (async () => {
        for (;;) {
          if (!(await core.sleep(periodMs - (core.clock.wallMs() % periodMs), meter.abort.signal)) || tx.ended) return;
          meter.ended.push(...this.reading(evse, deviceModel.list('AlignedDataCtrlr', 'TxEndedMeasurands'), 'Sample.Clock', 'AlignedDataCtrlr', tx, alignedTick(core.clock.wallMs(), periodMs)));
        }
      })();
    }
  }

  /** Stop collecting (power off). */
  stop(evse: Evse): void {
    if (evse.tx) this.meters.get(evse.tx)?.abort.abort();
  }

  /**
   * The meter values of a TransactionEvent block E is about to send: Transaction.Begin in the first
   * event that reports the EVSE, the collected TxEnded values plus Transaction.End in Ended.
   */
  eventValues(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', reportsEvse: boolean): JsonObject[] | undefined {
    const tx = evse.tx;
    if (!tx) return undefined;
    if (!this.meters.has(tx)) this.started(evse);
    const meter = this.meters.get(tx);
    if (!meter) return undefined;
    const { core, deviceModel } = this.ctx;
    const out: JsonObject[] = [];
    if (reportsEvse && !meter.beginSent && eventType !== 'Ended') {
      meter.beginSent = true;
      if (!core.has('no-tx-started-meter-values')) out.push(...this.reading(evse, deviceModel.list('SampledDataCtrlr', 'TxStartedMeasurands'), 'Transaction.Begin', 'SampledDataCtrlr', tx));
    }
    if (eventType === 'Ended') {
      meter.abort.abort();
      out.push(...meter.ended);
      const sampled = deviceModel.list('SampledDataCtrlr', 'TxEndedMeasurands');
      const aligned = deviceModel.list('AlignedDataCtrlr', 'TxEndedMeasurands').filter((m) => !sampled.includes(m));
      const end = [...this.reading(evse, sampled, 'Transaction.End', 'SampledDataCtrlr', tx), ...this.reading(evse, aligned, 'Transaction.End', 'AlignedDataCtrlr', tx)];
      const merged = end.flatMap((mv) => (mv['sampledValue'] as JsonObject[] | undefined) ?? []);
      if (merged.length > 0) out.push({ timestamp: core.nowIso(), sampledValue: merged });
    }
    return out.length > 0 ? out : undefined;
  }
}

/** The clock-aligned tick a timer woke for (it may wake a millisecond early or late): its exact time. */
export const alignedTick = (wallMs: number, periodMs: number): string => new Date(Math.round(wallMs / periodMs) * periodMs).toISOString();
