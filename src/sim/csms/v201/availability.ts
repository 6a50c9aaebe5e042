/**
 * Block G, availability: StatusNotification bookkeeping; the ChangeAvailability trigger (the whole
 * station without evse, one EVSE with evse.id, one connector with evse.id and evse.connectorId,
 * Part 6 §3.8); the answer to a connector lock problem (NotifyEvent ConnectorPlugRetentionLock,
 * Part 2 G05.FR.03: its defect is declared here, the diagnostics block answers NotifyEvent through
 * notify-event-responder.ts).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { PropertyConstraintViolationError } from '../../../session/rpc-error.js';
import { int, str, type CsmsBlock } from '../block.js';
import { notifyEventUnknownComponentError } from './notify-event-responder.js';

export const availability: CsmsBlock = {
  name: 'availability',
  defects: [
    { name: 'change-availability-without-evse', description: 'ChangeAvailability always addresses the whole station (no evse / connectorId 0)' },
    { name: 'change-availability-station-as-evse-0', description: 'asked to change the availability of the whole station, sends evse.id 0 instead of leaving evse out' },
    { name: 'change-availability-drops-connector', description: 'asked to change the availability of one connector, sends only evse.id (the whole EVSE)' },
    { name: 'change-availability-always-inoperative', description: 'sends ChangeAvailability Inoperative whatever operationalStatus it was asked for' },
    { name: 'change-availability-tx-whole-station', description: 'while a transaction is ongoing, a ChangeAvailability for one EVSE or connector addresses the whole station' },
    { name: 'status-notification-unavailable-error', description: 'answers a StatusNotification with connectorStatus Unavailable with CALLERROR PropertyConstraintViolation (its status table lacks Unavailable)' },
    notifyEventUnknownComponentError,
  ],
  responders: (host) => ({
    StatusNotification: (s, p) => {
      const status = str(p.connectorStatus);
      if (status === 'Unavailable' && host.has('status-notification-unavailable-error')) throw new PropertyConstraintViolationError('connectorStatus Unavailable is not supported');
      if (status !== undefined) s.connectors[`${int(p.evseId) ?? 0}/${int(p.connectorId) ?? 0}`] = status;
      return {};
    },
  }),
  triggers: {
    triggerChangeAvailability: (ctx, p) => {
      const asked = p.oneOf('operationalStatus', ['Operative', 'Inoperative'] as const) ?? p.oneOf('type', ['Operative', 'Inoperative'] as const) ?? 'Inoperative';
      const operationalStatus = ctx.has('change-availability-always-inoperative') ? 'Inoperative' : asked;
      const evseId = p.int('evseId');
      const connectorId = ctx.has('change-availability-drops-connector') ? undefined : p.int('connectorId');
      const wholeStation = ctx.has('change-availability-without-evse') || (ctx.has('change-availability-tx-whole-station') && ctx.ongoingTransactionId !== undefined);
      let evse: JsonObject | undefined = evseId === undefined || wholeStation ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
      if (evse === undefined && ctx.has('change-availability-station-as-evse-0')) evse = { id: 0 };
      return { action: 'ChangeAvailability', payload: { operationalStatus, ...(evse === undefined ? {} : { evse }) } };
    },
  },
};
