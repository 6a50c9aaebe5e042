/**
 * The 1.6 feature profiles besides Core (1.6 §3.1): Local Auth List Management, Remote Trigger,
 * Smart Charging, Reservation, Firmware Management, and the Security extension's messages.
 */
import { empty, type CsmsBlock } from '../block.js';
import { ParamError } from '../params.js';
import { idTokenOf, isoAfter, reservationToCancel, wrongTrigger } from '../trigger-helpers.js';
import { idTagInfo, tokenDefects } from '../tokens.js';

export const localList16: CsmsBlock = {
  name: 'local-list',
  defects: [],
  triggers: {
    triggerSendLocalList: (ctx, p) => {
      const given = p.list('localAuthorizationList');
      const list = given ?? ctx.tokens.list().map((t) => ({ idTag: t.idToken, idTagInfo: idTagInfo(ctx.tokens.decide('1.6', t.idToken, tokenDefects(ctx))) }));
      return {
        action: 'SendLocalList',
        payload: {
          listVersion: p.int('listVersion') ?? p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType: p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full',
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    },
    triggerGetLocalListVersion: () => ({ action: 'GetLocalListVersion', payload: {} }),
  },
};

export const remoteTrigger16: CsmsBlock = {
  name: 'remote-trigger',
  defects: [{ name: 'trigger-message-wrong-message', description: 'TriggerMessage requests another message than the one asked for' }],
  triggers: {
    triggerTriggerMessage: (ctx, p) => {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const connectorId = p.int('connectorId') ?? p.int('evseId');
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(connectorId === undefined ? {} : { connectorId }) } };
    },
  },
};

export const smartCharging16: CsmsBlock = {
  name: 'smart-charging',
  defects: [],
  triggers: {
    triggerSetChargingProfile: (ctx, p) => {
      const connectorId = p.int('connectorId') ?? p.int('evseId') ?? 0;
      const given = p.obj('csChargingProfiles') ?? p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { connectorId, csChargingProfiles: given } };
      const purpose = p.oneOf('chargingProfilePurpose', ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] as const) ?? (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
      const tx = purpose === 'TxProfile' ? (p.str('transactionId') ?? ctx.ongoingTransactionId) : undefined;
      if (purpose === 'TxProfile' && tx === undefined) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
      return {
        action: 'SetChargingProfile',
        payload: {
          connectorId,
          csChargingProfiles: {
            chargingProfileId: p.int('chargingProfileId') ?? ctx.next('chargingProfileId'),
            ...(tx === undefined ? {} : { transactionId: Number(tx) }),
            stackLevel: p.int('stackLevel') ?? 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: 'Relative',
            chargingSchedule: { chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(p.str('limit') ?? 16) }] },
          },
        },
      };
    },
  },
};

export const reservation16: CsmsBlock = {
  name: 'reservation',
  defects: [],
  triggers: {
    triggerReserveNow: (ctx, p) => ({
      action: 'ReserveNow',
      payload: {
        connectorId: p.int('connectorId') ?? p.int('evseId') ?? 1,
        expiryDate: p.str('expiryDate') ?? p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
        idTag: idTokenOf(ctx, p).idToken,
        reservationId: p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId'),
      },
    }),
    triggerCancelReservation: (ctx, p) => ({ action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) } }),
  },
};

export const firmware16: CsmsBlock = { name: 'firmware', defects: [], responders: () => ({ DiagnosticsStatusNotification: empty, FirmwareStatusNotification: empty }) };

export const security16: CsmsBlock = {
  name: 'security',
  defects: [],
  responders: () => ({ LogStatusNotification: empty, SecurityEventNotification: empty, SignCertificate: () => ({ status: 'Rejected' }), SignedFirmwareStatusNotification: empty }),
};
