/**
 * Core profile, what survives a reset or a power loss (1.6 §4.9, §5.9, §5.14): before a Reset
 * the charge point reports the status its connectors end in (Finishing after the transaction it
 * stopped) through the transaction message queue, so the reboot cannot lose it; and the
 * Unavailable set by ChangeAvailability persists over reboots (1.6 §4.9: it must be persistent
 * across reboots; §5.2), which the connector model keeps and this module's defect forgets.
 */
import type { Block16 } from './context.js';

export const power16: Block16 = {
  name: 'power',
  defects: [
    { name: 'availability-not-persistent', description: 'forgets a ChangeAvailability Inoperative when it loses power or restarts (Available after the boot)' },
    { name: 'reset-no-finishing-status', description: 'does not report the connector Finishing when a Reset stops its transaction (only after the reboot)' },
  ],
  create: (ctx) => {
    const { core, connectors } = ctx;
    // After core-transactions' listener (earlier in blocks.ts) stopped the transactions.
    core.bus.on('powerDown', ({ kind }) => {
      if (kind !== 'reset' || core.has('reset-no-finishing-status')) return;
      for (const c of connectors.all) {
        const status = connectors.statusOf(c);
        if (c.reported === status) continue;
        c.reported = status;
        const connectorId = c.outlet.id;
        const timestamp = core.nowIso();
        core.enqueue({ action: 'StatusNotification', build: () => ({ connectorId, errorCode: 'NoError', status, timestamp }) });
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
