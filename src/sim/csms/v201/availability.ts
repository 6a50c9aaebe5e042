/** Block G, availability: StatusNotification bookkeeping; the ChangeAvailability trigger. */
import { int, str, type CsmsBlock } from '../block.js';

export const availability: CsmsBlock = {
  name: 'availability',
  defects: [{ name: 'change-availability-without-evse', description: 'ChangeAvailability always addresses the whole station (no evse / connectorId 0)' }],
  responders: () => ({
    StatusNotification: (s, p) => {
      const status = str(p.connectorStatus);
      if (status !== undefined) s.connectors[`${int(p.evseId) ?? 0}/${int(p.connectorId) ?? 0}`] = status;
      return {};
    },
  }),
  triggers: {
    triggerChangeAvailability: (ctx, p) => {
      const operationalStatus = p.oneOf('operationalStatus', ['Operative', 'Inoperative'] as const) ?? p.oneOf('type', ['Operative', 'Inoperative'] as const) ?? 'Inoperative';
      const evseId = p.int('evseId');
      const connectorId = p.int('connectorId');
      const evse = evseId === undefined || ctx.has('change-availability-without-evse') ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
      return { action: 'ChangeAvailability', payload: { operationalStatus, ...(evse === undefined ? {} : { evse }) } };
    },
  },
};
