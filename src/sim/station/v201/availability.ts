/**
 * Block G, availability: ChangeAvailability of the station or one EVSE (G03/G04; Scheduled while
 * a transaction runs, applied when it ends), and the faults that make a connector Faulted (G01).
 * Connector status itself is the EVSE model's (evse.ts).
 */
import type { Block201 } from './context.js';
import { activeTx } from './evse.js';

export const availability: Block201 = {
  name: 'availability',
  defects: [{ name: 'availability-not-applied', description: 'accepts ChangeAvailability but does not change its status' }],
  create: (ctx) => {
    const { core, evses, deviceModel } = ctx;
    core.bus.on('transactionEnded', ({ evseId }) => {
      const evse = evses.byId(evseId);
      if (evse?.outlet.scheduledInoperative === undefined) return undefined;
      evse.outlet.inoperative = evse.outlet.scheduledInoperative;
      evse.outlet.scheduledInoperative = undefined;
      return evses.reportStatuses(evse, false);
    });
    return {
      handlers: {
        ChangeAvailability: (call) => {
          const inoperative = call.payload['operationalStatus'] === 'Inoperative';
          const target = call.payload['evse'] as { id: number; connectorId?: number } | undefined;
          const chosen = target && target.id > 0 ? evses.all.filter((e) => e.outlet.id === target.id) : evses.all;
          if (chosen.length === 0) return { status: 'Rejected' };
          let scheduled = false;
          for (const evse of chosen) {
            if (inoperative && activeTx(evse)) {
              scheduled = true;
              if (!core.has('availability-not-applied')) evse.outlet.scheduledInoperative = true;
            }
          }
          if (!core.has('availability-not-applied')) {
            call.after(async () => {
              for (const evse of chosen) {
                if (inoperative && activeTx(evse)) continue;
                evse.outlet.inoperative = inoperative;
                evse.outlet.scheduledInoperative = undefined;
                await evses.reportStatuses(evse, false);
              }
              if (!target || target.id === 0) deviceModel.setInternal({ name: 'ChargingStation' }, { name: 'AvailabilityState' }, inoperative ? 'Unavailable' : 'Available');
            });
          }
          return { status: scheduled ? 'Scheduled' : 'Accepted' };
        },
      },
      actions: {
        setFaulted: async (_p, { evse }) => {
          evse.outlet.faulted = true;
          ctx.transactions.updateFlow(evse);
          await evses.reportStatuses(evse, false);
          return { done: true };
        },
        clearFault: async (_p, { evse }) => {
          evse.outlet.faulted = false;
          await evses.reportStatuses(evse, false);
          ctx.transactions.updateFlow(evse);
          return { done: true };
        },
      },
    };
  },
};
