/**
 * Core profile, meter values (1.6 §4.7): sampled values of a transaction every
 * MeterValueSampleInterval, clock-aligned values every ClockAlignedDataInterval on the
 * wall-clock grid; queued as transaction messages during a transaction.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Connector } from './connector.js';
import type { Block16, Context16, MeterValues16Api } from './context.js';

export const coreMeterValues: Block16 = {
  name: 'core-meter-values',
  defects: [
    { name: 'no-meter-values', description: 'sends no periodic (sampled) meter values during a transaction' },
    { name: 'meter-values-lost-offline', description: 'drops the sampled meter values of a transaction taken while offline instead of queueing them' },
    { name: 'no-clock-aligned-meter-values', description: 'ignores the clock-aligned meter value interval' },
  ],
  create: (ctx) => ({ provides: { meterValues: new MeterValues16(ctx) } }),
};

class MeterValues16 implements MeterValues16Api {
  private alignedAbort: AbortController | undefined;

  constructor(private readonly ctx: Context16) {
    const { core, config, connectors } = ctx;
    core.bus.on('bootAccepted', () => {
      this.restartAligned();
      for (const c of connectors.all) this.restartMeter(c);
    });
    core.bus.on('powerOff', () => {
      this.alignedAbort?.abort();
      for (const c of connectors.all) c.tx?.meterAbort?.abort();
    });
    config.onChange((key) => {
      if (key === 'MeterValueSampleInterval') for (const c of connectors.all) this.restartMeter(c);
      if (key === 'ClockAlignedDataInterval' && core.accepted) this.restartAligned();
    });
  }

  meterValue(c: Connector, measurands: readonly string[], context: string): JsonObject[] {
    const sampledValue = measurands.flatMap((m) => {
      const s = c.outlet.sample(m);
      return s ? [{ value: String(s.value), context, measurand: m, ...(s.unit ? { unit: s.unit } : {}) }] : [];
    });
    return sampledValue.length > 0 ? [{ timestamp: this.ctx.core.nowIso(), sampledValue }] : [];
  }

  restartMeter(c: Connector): void {
    const { core, config } = this.ctx;
    const tx = c.tx;
    if (!tx || tx.stopped) return;
    tx.meterAbort?.abort();
    tx.meterAbort = undefined;
    if (core.has('no-meter-values')) return;
    const seconds = config.int('MeterValueSampleInterval');
    if (seconds <= 0) return;
    const abort = new AbortController();
    tx.meterAbort = abort;
    void (async () => {
      while (await core.sleep(seconds * 1000, abort.signal)) {
        if (tx.stopped) return;
        const meterValue = this.meterValue(c, config.list('MeterValuesSampledData'), 'Sample.Periodic');
        if (meterValue.length === 0 || (!core.online && core.has('meter-values-lost-offline'))) continue;
        core.enqueue({ action: 'MeterValues', txId: tx.localId, build: () => ({ connectorId: c.outlet.id, ...(tx.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }) });
      }
    })();
  }

  private restartAligned(): void {
    const { core, config, connectors } = this.ctx;
    this.alignedAbort?.abort();
    this.alignedAbort = undefined;
    if (core.has('no-clock-aligned-meter-values')) return;
    const seconds = config.int('ClockAlignedDataInterval');
    if (seconds <= 0) return;
    const abort = new AbortController();
    this.alignedAbort = abort;
    const periodMs = seconds * 1000;
    void (async () => {
      for (;;) {
        if (!(await core.sleep(periodMs - (core.clock.wallMs() % periodMs), abort.signal))) return;
        for (const c of connectors.all) {
          const meterValue = this.meterValue(c, config.list('MeterValuesAlignedData'), 'Sample.Clock');
          if (meterValue.length === 0) continue;
          const tx = c.tx && !c.tx.stopped ? c.tx : undefined;
          if (tx) core.enqueue({ action: 'MeterValues', txId: tx.localId, build: () => ({ connectorId: c.outlet.id, ...(tx.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }) });
          else void core.send('MeterValues', { connectorId: c.outlet.id, meterValue });
        }
      }
    })();
  }
}
