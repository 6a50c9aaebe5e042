/**
 * Block E, an EV that is not ready for the energy transfer (Part 2 E03, Part 6 TC_E_38_CS): block E
 * reports the transaction SuspendedEV (triggerReason ChargingStateChanged) while the EV does not take
 * energy. This module holds the defect of a station that reports its own side instead (contactor
 * closed, so Charging), applied to each TransactionEvent as it is queued.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201 } from './context.js';

export const evReadiness: Block201 = {
  name: 'ev-readiness',
  defects: [{ name: 'suspended-ev-reported-charging', description: 'reports chargingState Charging while the EV is not ready to take energy (SuspendedEV)' }],
  create: ({ core }) => {
    core.interceptQueue((m) => {
      if (m.action !== 'TransactionEvent' || !core.has('suspended-ev-reported-charging')) return m;
      const build = m.build;
      return {
        ...m,
        build: () => {
          const payload = build();
          const info = payload['transactionInfo'] as JsonObject | undefined;
          return info?.['chargingState'] === 'SuspendedEV' ? { ...payload, transactionInfo: { ...info, chargingState: 'Charging' } } : payload;
        },
      };
    });
    return {};
  },
};
