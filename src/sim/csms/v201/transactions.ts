/**
 * Block E, transactions: TransactionEvent bookkeeping, with idTokenInfo for an event that carries
 * an idToken (E01/E03), and the GetTransactionStatus trigger (E14). Part 2 E01-E14: whatever
 * start and stop points the station is configured with, every TransactionEvent gets a
 * TransactionEventResponse (it cannot be rejected), whatever its trigger, state, seqNo or offline flag.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { InternalRpcError, NotSupportedError, PropertyConstraintViolationError } from '../../../session/rpc-error.js';
import { int, obj, str, type CsmsBlock } from '../block.js';
import type { ResponderHost } from '../responses.js';
import type { StationRecord, TransactionRecord } from '../state.js';
import { idTokenInfo, tokenDefects } from '../tokens.js';
import type { TriggerContext } from '../triggers.js';
import type { Params } from '../params.js';
import { checkMeterValues } from '../meter-value-defects.js';

export const transactions: CsmsBlock = {
  name: 'transactions',
  defects: [
    { name: 'transaction-event-without-idtokeninfo', description: 'answers a TransactionEvent that carries an idToken without idTokenInfo' },
    { name: 'transaction-ended-error', description: 'answers the end of a transaction (TransactionEvent Ended / StopTransaction) with CALLERROR InternalError' },
    { name: 'tx-start-without-idtoken-error', description: 'answers a TransactionEvent Started that carries no idToken (cable or EV first) with CALLERROR PropertyConstraintViolation' },
    { name: 'parking-bay-trigger-error', description: 'answers a TransactionEvent with triggerReason EVDetected or EVDeparted (parking bay sensor) with CALLERROR NotSupported' },
    { name: 'suspended-ev-error', description: 'answers a TransactionEvent with chargingState SuspendedEV with CALLERROR PropertyConstraintViolation' },
    {
      name: 'unusual-stopped-reason-error',
      description: 'answers a TransactionEvent Ended whose stoppedReason is not Local, Remote or EVDisconnected (DeAuthorized, StoppedByEV, Timeout …) with CALLERROR PropertyConstraintViolation',
    },
    {
      name: 'closes-tx-on-ev-communication-lost',
      description: 'takes a TransactionEvent with triggerReason EVCommunicationLost for the end of the transaction and answers its later events with CALLERROR PropertyConstraintViolation',
    },
    { name: 'rejects-events-after-ended', description: 'answers a TransactionEvent of a transaction it already saw Ended (queued offline events) with CALLERROR PropertyConstraintViolation' },
    { name: 'rejects-seqno-reset', description: "expects seqNo to count on across a station's transactions and answers a new transaction starting at seqNo 0 with CALLERROR PropertyConstraintViolation" },
    { name: 'offline-event-error', description: 'answers a TransactionEvent with offline true (queued while the connection was down) with CALLERROR InternalError' },
    { name: 'transaction-status-wrong-id', description: 'sends GetTransactionStatus for another transaction than the one asked about' },
    { name: 'transaction-status-with-id', description: 'sends GetTransactionStatus with a transactionId when asked about queued messages in general (no transactionId)' },
  ],
  quirks: [
    {
      name: 'tx-response-extras',
      description: 'TransactionEventResponse carries the optional fields: chargingPriority and updatedPersonalMessage on every event, totalCost on Ended, idTokenInfo on every event of an authorized transaction',
    },
    { name: 'invalid-token-unknown', description: 'answers an invalid idToken in a TransactionEvent with idTokenInfo.status Unknown rather than Invalid (Part 6 TC_E_16_CSMS allows either)' },
  ],
  responders: (host) => ({ TransactionEvent: (s, p) => transactionEvent(host, s, p) }),
  triggers: { triggerGetTransactionStatus: (ctx, p) => getTransactionStatus(ctx, p) },
};

const stopReasonsKnown = ['Local', 'Remote', 'EVDisconnected'];

function transactionEvent(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const info = obj(payload.transactionInfo) ?? {};
  const transactionId = str(info.transactionId) ?? '';
  const eventType = str(payload.eventType);
  const triggerReason = str(payload.triggerReason);
  const seqNo = int(payload.seqNo);
  const now = new Date(host.wallMs()).toISOString();
  const idToken = obj(payload.idToken);
  const presented = str(idToken?.idToken);
  const existing = host.state.transaction(station.id, transactionId);
  defectsBefore(host, station, payload, existing);
  checkMeterValues((d) => host.has(d), 'TransactionEvent', payload);
  let tx = existing;
  if (tx === undefined) {
    tx = { stationId: station.id, transactionId, ongoing: true, startedAt: str(payload.timestamp) ?? now, messages: 0 };
    host.state.transactions.push(tx);
  }
  tx.messages += 1;
  if (eventType !== undefined) tx.lastEventType = eventType;
  if (triggerReason !== undefined) tx.lastTriggerReason = triggerReason;
  // Queued events may come late (E14, TC_E_31_CSMS): keep the highest seqNo seen.
  if (seqNo !== undefined) tx.lastSeqNo = Math.max(seqNo, tx.lastSeqNo ?? seqNo);
  const evse = obj(payload.evse);
  if (int(evse?.id) !== undefined) tx.evseId = int(evse?.id);
  if (int(evse?.connectorId) !== undefined) tx.connectorId = int(evse?.connectorId);
  if (str(info.chargingState) !== undefined) tx.chargingState = str(info.chargingState);
  if (int(info.remoteStartId) !== undefined) tx.remoteStartId = int(info.remoteStartId);
  if (presented !== undefined && presented !== '') tx.idToken = presented;
  if (eventType === 'Ended') {
    tx.ongoing = false;
    tx.endedAt = str(payload.timestamp) ?? now;
    if (str(info.stoppedReason) !== undefined) tx.stoppedReason = str(info.stoppedReason);
  }
  if (triggerReason === 'EVCommunicationLost' && host.has('closes-tx-on-ev-communication-lost')) tx.ongoing = false;
  return { ...answerToken(host, presented, tx), ...extras(host, eventType) };
}

/** The defects that refuse an event before the CSMS takes note of it. */
function defectsBefore(host: ResponderHost, station: StationRecord, payload: JsonObject, existing: TransactionRecord | undefined): void {
  const info = obj(payload.transactionInfo) ?? {};
  const eventType = str(payload.eventType);
  const triggerReason = str(payload.triggerReason);
  if (eventType === 'Ended' && host.has('transaction-ended-error')) throw new InternalRpcError('could not close the transaction');
  if (eventType === 'Started' && payload.idToken === undefined && host.has('tx-start-without-idtoken-error')) throw new PropertyConstraintViolationError('a transaction needs an idToken to start');
  if ((triggerReason === 'EVDetected' || triggerReason === 'EVDeparted') && host.has('parking-bay-trigger-error')) throw new NotSupportedError(`triggerReason ${triggerReason} is not supported`);
  if (str(info.chargingState) === 'SuspendedEV' && host.has('suspended-ev-error')) throw new PropertyConstraintViolationError('chargingState SuspendedEV is not known');
  const stoppedReason = str(info.stoppedReason);
  if (eventType === 'Ended' && stoppedReason !== undefined && !stopReasonsKnown.includes(stoppedReason) && host.has('unusual-stopped-reason-error')) {
    throw new PropertyConstraintViolationError(`stoppedReason ${stoppedReason} is not known`);
  }
  if (payload.offline === true && host.has('offline-event-error')) throw new InternalRpcError('offline events are not processed');
  if (existing !== undefined && !existing.ongoing && (host.has('rejects-events-after-ended') || host.has('closes-tx-on-ev-communication-lost'))) {
    throw new PropertyConstraintViolationError(`transaction ${existing.transactionId} is closed`);
  }
  if (existing === undefined && int(payload.seqNo) === 0 && host.has('rejects-seqno-reset')) {
    const earlier = host.state.transactions.filter((t) => t.stationId === station.id && t.lastSeqNo !== undefined);
    if (earlier.length > 0) throw new PropertyConstraintViolationError(`seqNo 0 is not after ${Math.max(...earlier.map((t) => t.lastSeqNo ?? 0))}`);
  }
}

/** E01/E03: with an idToken in the event, the CSMS SHALL answer with its idTokenInfo. */
function answerToken(host: ResponderHost, presented: string | undefined, tx: TransactionRecord): JsonObject {
  const quirk = (name: string): boolean => host.hasQuirk?.(name) === true;
  const token = presented ?? (quirk('tx-response-extras') && tx.ongoing ? tx.idToken : undefined);
  if (token === undefined || host.has('transaction-event-without-idtokeninfo')) return {};
  const decision = host.tokens.decide(host.version, token, tokenDefects(host));
  if (decision.status === 'Invalid' && quirk('invalid-token-unknown')) return { idTokenInfo: { status: 'Unknown' } };
  return { idTokenInfo: idTokenInfo(decision) };
}

/** The tx-response-extras quirk: optional response fields Part 2 allows. */
function extras(host: ResponderHost, eventType: string | undefined): JsonObject {
  if (host.hasQuirk?.('tx-response-extras') !== true) return {};
  return {
    chargingPriority: 0,
    updatedPersonalMessage: { format: 'UTF8', language: 'en', content: 'Thank you for charging' },
    ...(eventType === 'Ended' ? { totalCost: 0 } : {}),
  };
}

/** E14: GetTransactionStatus for the transaction asked about, or without transactionId (queued messages in general). */
function getTransactionStatus(ctx: TriggerContext, p: Params): { action: string; payload: JsonObject } {
  const asked = p.str('transactionId');
  let transactionId = asked;
  if (asked !== undefined && ctx.has('transaction-status-wrong-id')) {
    transactionId = ctx.endedTransactionId !== undefined && ctx.endedTransactionId !== asked ? ctx.endedTransactionId : `${asked}-0`;
  }
  if (asked === undefined && ctx.has('transaction-status-with-id')) transactionId = ctx.ongoingTransactionId ?? ctx.endedTransactionId ?? 'TX-1';
  return { action: 'GetTransactionStatus', payload: transactionId === undefined ? {} : { transactionId } };
}
