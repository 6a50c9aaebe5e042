/**
 * Core profile, what survives a reset or a power loss (1.6 §4.9, §4.10, §5.14):
 * - before a Reset the charge point reports the status its connectors end in (Finishing after the
 *   transaction it stopped) through the transaction message queue, so the reboot cannot lose it;
 * - the reference charge point has no back-up power source: when the power goes it sends nothing
 *   more; the transactions the loss interrupted are stopped (reason PowerLoss, 1.6 §7.36) once it
 *   is powered up and accepted again (OCTT 1.6 TC_032_2_CS);
 * - the `backup-power` hardware variant has a back-up power source: when the mains go it first
 *   stops every transaction (reason PowerLoss) and reports the connector Finishing, then goes down
 *   (OCTT 1.6 TC_032_1_CS; 1.6 §4.10 "a Charge Point ... configured to stop transactions");
 * - Unavailable set by ChangeAvailability persists over reboots (1.6 §4.9: it must be persistent
 *   across reboots; §5.2), which the connector model keeps and a defect here forgets.
 * Listed before core-transactions in blocks.ts: its powerDown listener must see the transactions
 * before they are stopped.
 */
import type { Connector, Tx16 } from './connector.js';
import type { Block16 } from './context.js';

export const power16: Block16 = {
  name: 'power',
  defects: [
    { name: 'availability-not-persistent', description: 'forgets a ChangeAvailability Inoperative when it loses power or restarts (Available after the boot)' },
    { name: 'reset-no-finishing-status', description: 'does not report the connector Finishing when a Reset stops its transaction (only after the reboot)' },
    { name: 'power-loss-transaction-forgotten', description: 'after a power loss never stops (nor resumes) the transaction the loss interrupted: no StopTransaction for it' },
    { name: 'backup-power-unused', description: 'with a back-up power source, goes down without stopping its transactions first (stops them only after the reboot)' },
  ],
  quirks: [
    { name: 'backup-power', description: 'hardware variant: a back-up power source, so transactions are stopped (PowerLoss) before the charge point goes down', pics: { 'HW-BackupPower': true } },
  ],
  create: (ctx) => {
    const { core, connectors } = ctx;
    /** Transactions a power loss interrupted, by connector, until the charge point is accepted again. */
    const interrupted = new Map<Connector, Tx16>();
    // The mains are gone but the back-up source still runs: stop and report before going down.
    core.bus.on('powerFailing', async () => {
      if (!core.has('backup-power') || core.has('backup-power-unused')) return;
      for (const c of connectors.all) {
        if (!c.tx || c.tx.stopped) continue;
        ctx.transactions.stopTx(c, 'PowerLoss');
        await connectors.report(c, false);
      }
      await core.drainQueue(5_000);
    });
    core.bus.on('powerDown', ({ kind }) => {
      if (kind === 'powerLoss') {
        // No back-up power: nothing can be sent now, the transaction is put aside (not stopped yet).
        for (const c of connectors.all) {
          const tx = c.tx;
          if (!tx || tx.stopped) continue;
          tx.meterAbort?.abort();
          c.outlet.stopFlow();
          interrupted.set(c, tx);
          c.tx = undefined;
        }
        return;
      }
      // A Reset (after core-transactions stopped the transactions): report the statuses before going down.
      if (core.has('reset-no-finishing-status')) return;
      queueMicrotask(() => {
        for (const c of connectors.all) {
          const status = connectors.statusOf(c);
          if (c.reported === status) continue;
          c.reported = status;
          const connectorId = c.outlet.id;
          const timestamp = core.nowIso();
          core.enqueue({ action: 'StatusNotification', build: () => ({ connectorId, errorCode: 'NoError', status, timestamp }) });
        }
      });
    });
    core.bus.on('bootAccepted', async () => {
      for (const [c, tx] of [...interrupted]) {
        interrupted.delete(c);
        if (core.has('power-loss-transaction-forgotten')) continue;
        c.tx = tx;
        ctx.transactions.stopTx(c, 'PowerLoss');
        await connectors.report(c, false);
      }
    });
    core.bus.on('powerOff', () => {
      if (!core.has('availability-not-persistent')) return;
      connectors.stationInoperative = false;
      for (const c of connectors.all) {
        c.outlet.inoperative = false;
        c.outlet.scheduledInoperative = undefined;
      }
    });
    return {};
  },
};
