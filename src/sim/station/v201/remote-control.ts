/**
 * Block F, remote control: RequestStartTransaction (F01/F02, with AuthCtrlr.AuthorizeRemoteStart),
 * RequestStopTransaction (F03), UnlockConnector (F05) and TriggerMessage (F06).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201 } from './context.js';
import type { IdToken } from './evse.js';

/** Quirk late-responses: longer than the demo harness's message timeout (4 s) plus the rest of its cleanup. */
const lateReplyMs = 7_000;

export const remoteControl: Block201 = {
  name: 'remote-control',
  defects: [
    { name: 'accepts-remote-start-while-pending', description: 'accepts RequestStartTransaction while its registration is still Pending' },
    { name: 'remote-start-ignored', description: 'accepts a remote start but never starts' },
    { name: 'rejects-remote-stop', description: 'rejects every remote stop, even of its own ongoing transaction' },
    { name: 'accepts-remote-stop-unknown-tx', description: 'accepts a remote stop of a transaction it does not know' },
    { name: 'trigger-message-ignored', description: 'accepts TriggerMessage but sends nothing' },
    { name: 'unlock-fails', description: 'answers every UnlockConnector with UnlockFailed' },
  ],
  quirks: [
    // OCPP-J Part 4 §4.1.3: a reply may come after the CSMS stopped waiting; real stations stop first, answer later.
    { name: 'late-responses', description: `stops the transaction at once but answers RequestStopTransaction ${lateReplyMs / 1000} s later (after the harness stopped waiting)` },
  ],
  create: (ctx) => ({
    handlers: {
      RequestStartTransaction: (call) => requestStart(ctx, call),
      RequestStopTransaction: (call) => requestStop(ctx, call),
      TriggerMessage: (call) => triggerMessage(ctx, call),
      UnlockConnector: (call) => {
        const evse = ctx.evses.byId(Number(call.payload['evseId']));
        const connectorId = Number(call.payload['connectorId']);
        if (!evse || !evse.outlet.connectorIds.includes(connectorId)) return { status: 'UnknownConnector' };
        if (evse.tx && !evse.tx.ended) return { status: 'OngoingAuthorizedTransaction' };
        return { status: ctx.core.has('unlock-fails') ? 'UnlockFailed' : 'Unlocked' };
      },
    },
  }),
};

function requestStart(ctx: Context201, call: InboundCall): JsonObject {
  const { core, evses } = ctx;
  const idToken = call.payload['idToken'] as IdToken;
  const remoteStartId = Number(call.payload['remoteStartId']);
  const evseId = call.payload['evseId'] as number | undefined;
  const evse = evseId === undefined ? evses.all.find((e) => !e.tx && !e.authorized && !e.outlet.inoperative) : evses.byId(evseId);
  // Part 2 B02 (Part 6 TC_B_02_CS step 12): no transaction while the registration is Pending.
  if (!core.accepted && !core.has('accepts-remote-start-while-pending')) return { status: 'Rejected' };
  if (!evse || evse.outlet.inoperative || evse.outlet.faulted || evse.authorized || (evse.tx && !evse.tx.ended && evse.tx.idToken)) return { status: 'Rejected' };
  const transactionId = evse.tx && !evse.tx.ended ? evse.tx.id : undefined;
  if (!core.has('remote-start-ignored')) {
    call.after(async () => {
      if (ctx.deviceModel.bool('AuthCtrlr', 'AuthorizeRemoteStart')) {
        const info = await ctx.authorization.authorize(idToken);
        if (info.status !== 'Accepted') return;
      }
      ctx.transactions.authorizeEvse(evse, { idToken: { idToken: idToken.idToken, type: idToken.type }, remoteStartId }, 'RemoteStart');
    });
  }
  return { status: 'Accepted', ...(transactionId ? { transactionId } : {}) };
}

function requestStop(ctx: Context201, call: InboundCall): JsonObject | Promise<JsonObject> {
  const id = String(call.payload['transactionId']);
  if (ctx.core.has('rejects-remote-stop')) return { status: 'Rejected' };
  const evse = ctx.evses.all.find((e) => e.tx && !e.tx.ended && e.tx.id === id);
  if (!evse) return { status: ctx.core.has('accepts-remote-stop-unknown-tx') ? 'Accepted' : 'Rejected' };
  if (ctx.core.has('late-responses')) {
    ctx.transactions.remoteStop(evse);
    return ctx.core.sleep(lateReplyMs).then(() => ({ status: 'Accepted' }));
  }
  call.after(() => ctx.transactions.remoteStop(evse));
  return { status: 'Accepted' };
}


function triggerMessage(ctx: Context201, call: InboundCall): JsonObject {
  const { core, evses } = ctx;
  const requested = String(call.payload['requestedMessage']);
  const target = call.payload['evse'] as { id: number; connectorId?: number } | undefined;
  const chosen = target ? evses.all.filter((e) => e.outlet.id === target.id) : evses.all;
  if (target && chosen.length === 0) return { status: 'Rejected' };
  const ignore = core.has('trigger-message-ignored');
  const go = (fn: () => Promise<unknown> | void): JsonObject => {
    if (!ignore) call.after(async () => void (await fn()));
    return { status: 'Accepted' };
  };
  switch (requested) {
    case 'BootNotification':
      // Part 2 F06.FR.17: not after an Accepted registration.
      if (core.accepted) return { status: 'Rejected' };
      return go(() => {
        // Part 6 TC_B_02_CS step 15: the triggered BootNotification says reason Triggered.
        core.setBootReason('Triggered');
        void core.triggerBoot();
      });
    case 'Heartbeat':
      return go(() => core.send('Heartbeat', {}, { anyState: true }));
    case 'StatusNotification':
      return go(async () => {
        for (const evse of chosen) {
          for (const c of evse.outlet.connectorIds) {
            if (target?.connectorId !== undefined && target.connectorId !== c) continue;
            await core.send('StatusNotification', { timestamp: core.nowIso(), connectorStatus: evses.statusOf(evse, c), evseId: evse.outlet.id, connectorId: c }, { anyState: true });
          }
        }
      });
    case 'MeterValues':
      return go(async () => {
        for (const evse of chosen) {
          const meterValue = ctx.meterValues.sampled(evse, ctx.deviceModel.list('AlignedDataCtrlr', 'Measurands'), 'Trigger');
          if (meterValue.length > 0) await core.send('MeterValues', { evseId: evse.outlet.id, meterValue }, { anyState: true });
        }
      });
    case 'TransactionEvent': {
      const withTx = chosen.filter((e) => e.tx && !e.tx.ended);
      if (withTx.length === 0) return { status: 'Rejected' };
      return go(() => {
        for (const evse of withTx) ctx.transactions.txEvent(evse, 'Updated', 'Trigger');
      });
    }
    case 'LogStatusNotification':
      return go(() => core.send('LogStatusNotification', { status: 'Idle' }, { anyState: true }));
    case 'FirmwareStatusNotification':
      return go(() => core.send('FirmwareStatusNotification', { status: 'Idle' }, { anyState: true }));
    default:
      return { status: 'NotImplemented' };
  }
}
