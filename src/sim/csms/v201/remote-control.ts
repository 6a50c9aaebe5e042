/** Block F, remote control: the RequestStart/StopTransaction, TriggerMessage and UnlockConnector triggers. */
import type { CsmsBlock } from '../block.js';
import { remoteStartProfile } from '../charging-profiles.js';
import { idTokenOf, transactionToStop, wrongTrigger } from '../trigger-helpers.js';

export const remoteControl: CsmsBlock = {
  name: 'remote-control',
  defects: [
    { name: 'remote-start-without-idtoken', description: 'sends RequestStartTransaction / RemoteStartTransaction with an empty idToken (NoAuthorization / idTag "")' },
    { name: 'no-transaction-id', description: 'sends RequestStopTransaction with an empty transactionId' },
    { name: 'remote-stop-wrong-transaction', description: 'RequestStopTransaction / RemoteStopTransaction names a transaction that is not the ongoing one' },
    { name: 'trigger-message-wrong-message', description: 'TriggerMessage requests another message than the one asked for' },
    { name: 'trigger-message-drops-evse', description: 'TriggerMessage leaves out the evse it was asked to name' },
    { name: 'unlock-wrong-connector', description: 'UnlockConnector names another connector than the one asked for' },
  ],
  triggers: {
    triggerRequestStartTransaction: (ctx, p) => {
      const idToken = ctx.has('remote-start-without-idtoken') ? { idToken: '', type: 'NoAuthorization' } : idTokenOf(ctx, p);
      const evseId = p.int('evseId');
      const chargingProfile = remoteStartProfile(ctx, p);
      return {
        action: 'RequestStartTransaction',
        payload: {
          ...(evseId === undefined ? {} : { evseId }),
          remoteStartId: p.int('remoteStartId') ?? ctx.next('remoteStartId'),
          idToken,
          ...(chargingProfile === undefined ? {} : { chargingProfile }),
        },
      };
    },
    triggerRequestStopTransaction: (ctx, p) => {
      const transactionId = ctx.has('no-transaction-id') ? '' : transactionToStop(ctx, p);
      return { action: 'RequestStopTransaction', payload: { transactionId } };
    },
    triggerTriggerMessage: (ctx, p) => {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const evseId = p.int('evseId');
      const connectorId = p.int('connectorId');
      const evse = evseId === undefined || ctx.has('trigger-message-drops-evse') ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(evse ? { evse } : {}) } };
    },
    triggerUnlockConnector: (ctx, p) => {
      const connectorId = p.int('connectorId') ?? 1;
      return { action: 'UnlockConnector', payload: { evseId: p.int('evseId') ?? 1, connectorId: ctx.has('unlock-wrong-connector') ? connectorId + 1 : connectorId } };
    },
  },
};
