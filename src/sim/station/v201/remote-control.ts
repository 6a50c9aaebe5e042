/**
 * Block F, remote control: RequestStartTransaction (F01/F02, with AuthCtrlr.AuthorizeRemoteStart),
 * RequestStopTransaction (F03), UnlockConnector (F05, unlock-connector.ts) and TriggerMessage (F06,
 * trigger-message.ts).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201 } from './context.js';
import type { IdToken } from './evse.js';
import { triggerDefects, triggerMessage } from './trigger-message.js';
import { unlockConnector, unlockDefects } from './unlock-connector.js';

/** Quirk late-responses: longer than the demo harness's message timeout (4 s) plus the rest of its cleanup. */
const lateReplyMs = 7_000;

export const remoteControl: Block201 = {
  name: 'remote-control',
  defects: [
    { name: 'accepts-remote-start-while-pending', description: 'accepts RequestStartTransaction while its registration is still Pending' },
    { name: 'remote-start-ignored', description: 'accepts a remote start but never starts' },
    { name: 'remote-start-skips-authorize', description: 'starts a remote start without authorizing its idToken although AuthCtrlr.AuthorizeRemoteStart is true' },
    { name: 'remote-start-authorizes-anyway', description: 'sends Authorize for the idToken of a remote start although AuthCtrlr.AuthorizeRemoteStart is false' },
    { name: 'rejects-remote-stop', description: 'rejects every remote stop, even of its own ongoing transaction' },
    { name: 'accepts-remote-stop-unknown-tx', description: 'accepts a remote stop of a transaction it does not know' },
    ...triggerDefects,
    ...unlockDefects,
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
      UnlockConnector: (call) => unlockConnector(ctx, call),
    },
  }),
};

function requestStart(ctx: Context201, call: InboundCall): JsonObject {
  const { core, evses } = ctx;
  const idToken = call.payload['idToken'] as IdToken;
  const remoteStartId = Number(call.payload['remoteStartId']);
  const evseId = call.payload['evseId'] as number | undefined;
  const evse = evseId === undefined ? evses.all.find((e) => !e.tx && !e.authorized && !e.outlet.inoperative && !ctx.reservations.refuses(e, idToken)) : evses.byId(evseId);
  // Part 2 B02 (Part 6 TC_B_02_CS step 12): no transaction while the registration is Pending.
  if (!core.accepted && !core.has('accepts-remote-start-while-pending')) return { status: 'Rejected' };
  if (!evse || evse.outlet.inoperative || evse.outlet.faulted || evse.authorized || (evse.tx && !evse.tx.ended && evse.tx.idToken)) return { status: 'Rejected' };
  // Part 2 H03 (block H): a reserved EVSE starts only for the reserved idToken (or its group).
  if (ctx.reservations.refuses(evse, idToken)) return { status: 'Rejected' };
  const transactionId = evse.tx && !evse.tx.ended ? evse.tx.id : undefined;
  if (!core.has('remote-start-ignored')) {
    call.after(async () => {
      // Part 2 F01.FR.01/02: authorize first exactly when AuthorizeRemoteStart is true.
      const authorizeFirst = ctx.deviceModel.bool('AuthCtrlr', 'AuthorizeRemoteStart') ? !core.has('remote-start-skips-authorize') : core.has('remote-start-authorizes-anyway');
      if (authorizeFirst) {
        const info = await ctx.authorization.authorize(idToken);
        if (info.status !== 'Accepted' || ctx.reservations.refuses(evse, idToken, info.groupId)) return;
      }
      ctx.reservations.used(evse, idToken);
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
