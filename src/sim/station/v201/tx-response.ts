/**
 * Block E: what the station does with the idTokenInfo of a TransactionEventResponse (Part 2 E05,
 * C10.FR.05, C12): remember it in the cache, and deauthorize the transaction of a token the CSMS
 * says is not Accepted (end it or suspend it per StopTxOnInvalidId, MaxEnergyOnInvalidId).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { AuthStatus } from '../auth.js';
import type { Context201, TransactionsApi } from './context.js';
import type { Evse, IdToken } from './evse.js';

export function applyIdTokenInfo(ctx: Context201, tx201: TransactionsApi, evse: Evse, txId: string, idToken: IdToken | undefined, res: JsonObject): void {
  const info = res['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string } } | undefined;
  if (!info?.status || !idToken) return;
  ctx.authorization.remember(idToken.idToken, { status: info.status, ...(info.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}) });
  const tx = evse.tx;
  if (!tx || tx.id !== txId || tx.ended) return;
  if (info.groupIdToken?.idToken) tx.groupId = info.groupIdToken.idToken;
  if (info.status === 'Accepted' || ctx.authorization.goesOnWith(info.status)) return;
  // Part 2 C12 / E05: MaxEnergyOnInvalidId lets the energy go on up to a limit (block C watches it).
  if (ctx.authorization.keepsChargingOnInvalid(evse)) return;
  // Part 2 E05: a non-Accepted idTokenInfo deauthorizes the transaction.
  ctx.evses.deauthorize(evse);
  evse.outlet.stopFlow();
  if (ctx.authorization.stopsOnInvalidId()) {
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    tx201.endTx(evse, 'Deauthorized', 'DeAuthorized');
  } else {
    tx.chargingState = 'SuspendedEVSE';
    tx201.txEvent(evse, 'Updated', 'Deauthorized');
  }
}
