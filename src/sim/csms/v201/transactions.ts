/** Block E, transactions: TransactionEvent bookkeeping, with idTokenInfo for an event that carries an idToken (E01/E03). */
import type { JsonObject } from '../../../protocol/frames.js';
import { InternalRpcError } from '../../../session/rpc-error.js';
import { int, obj, str, type CsmsBlock } from '../block.js';
import type { ResponderHost } from '../responses.js';
import type { StationRecord } from '../state.js';
import { idTokenInfo, tokenDefects } from '../tokens.js';
import { checkMeterValues } from '../meter-value-defects.js';

export const transactions: CsmsBlock = {
  name: 'transactions',
  defects: [
    { name: 'transaction-event-without-idtokeninfo', description: 'answers a TransactionEvent that carries an idToken without idTokenInfo' },
    { name: 'transaction-ended-error', description: 'answers the end of a transaction (TransactionEvent Ended / StopTransaction) with CALLERROR InternalError' },
  ],
  responders: (host) => ({ TransactionEvent: (s, p) => transactionEvent(host, s, p) }),
};

function transactionEvent(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const info = obj(payload.transactionInfo) ?? {};
  const transactionId = str(info.transactionId) ?? '';
  const eventType = str(payload.eventType);
  const now = new Date(host.wallMs()).toISOString();
  if (eventType === 'Ended' && host.has('transaction-ended-error')) throw new InternalRpcError('could not close the transaction');
  checkMeterValues((d) => host.has(d), 'TransactionEvent', payload);
  let tx = host.state.transaction(station.id, transactionId);
  if (tx === undefined) {
    tx = { stationId: station.id, transactionId, ongoing: true, startedAt: str(payload.timestamp) ?? now, messages: 0 };
    host.state.transactions.push(tx);
  }
  tx.messages += 1;
  if (eventType !== undefined) tx.lastEventType = eventType;
  const triggerReason = str(payload.triggerReason);
  if (triggerReason !== undefined) tx.lastTriggerReason = triggerReason;
  const seqNo = int(payload.seqNo);
  if (seqNo !== undefined) tx.lastSeqNo = seqNo;
  const evse = obj(payload.evse);
  if (int(evse?.id) !== undefined) tx.evseId = int(evse?.id);
  if (int(evse?.connectorId) !== undefined) tx.connectorId = int(evse?.connectorId);
  if (str(info.chargingState) !== undefined) tx.chargingState = str(info.chargingState);
  if (int(info.remoteStartId) !== undefined) tx.remoteStartId = int(info.remoteStartId);
  const idToken = obj(payload.idToken);
  const presented = str(idToken?.idToken);
  if (presented !== undefined && presented !== '') tx.idToken = presented;
  if (eventType === 'Ended') {
    tx.ongoing = false;
    tx.endedAt = str(payload.timestamp) ?? now;
    if (str(info.stoppedReason) !== undefined) tx.stoppedReason = str(info.stoppedReason);
  }
  // E01/E03: with an idToken in the event, the CSMS SHALL answer with its idTokenInfo.
  if (presented === undefined || host.has('transaction-event-without-idtokeninfo')) return {};
  return { idTokenInfo: idTokenInfo(host.tokens.decide(host.version, presented, tokenDefects(host))) };
}
