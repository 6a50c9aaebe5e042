/**
 * Core profile (1.6), the Central System's answers: BootNotification, Heartbeat, Authorize,
 * Start/StopTransaction (the Central System numbers transactions), MeterValues,
 * StatusNotification, DataTransfer. The Core profile's triggers are in core-triggers.ts.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { InternalRpcError } from '../../../session/rpc-error.js';
import { checkMeterId, int, meterValuesEvse0Error, str, type CsmsBlock } from '../block.js';
import { bootAnswer, heartbeatAnswer, registrationDefects } from '../registration.js';
import type { ResponderHost } from '../responses.js';
import type { StationRecord } from '../state.js';
import { idTagInfo, tokenDefectDecls, tokenDefects } from '../tokens.js';
import { dataTransferAnswer } from '../trigger-helpers.js';

export const core16: CsmsBlock = {
  name: 'core',
  defects: [
    ...registrationDefects,
    ...tokenDefectDecls,
    { name: 'blocked-token-invalid', description: 'answers Authorize for a blocked idTag with Invalid instead of Blocked' },
    { name: 'transaction-ended-error', description: 'answers the end of a transaction (TransactionEvent Ended / StopTransaction) with CALLERROR InternalError' },
    { name: 'transaction-id-zero', description: 'answers StartTransaction with transactionId 0 for every transaction' },
    meterValuesEvse0Error,
  ],
  responders: (host) => ({
    Authorize: (_s, p) => ({ idTagInfo: idTagInfo(host.tokens.decide('1.6', str(p.idTag) ?? '', tokenDefects(host))) }),
    BootNotification: (s, p) => bootAnswer(host, s, p),
    DataTransfer: (_s, p) => dataTransferAnswer(host.acceptedVendorIds, p),
    Heartbeat: (s) => heartbeatAnswer(host, s),
    MeterValues: (s, p) => {
      checkMeterId((d) => host.has(d), int(p.connectorId));
      const tx = host.state.transaction(s.id, String(int(p.transactionId) ?? ''));
      if (tx !== undefined) tx.messages += 1;
      return {};
    },
    StartTransaction: (s, p) => startTransaction(host, s, p),
    StatusNotification: (s, p) => {
      const status = str(p.status);
      if (status !== undefined) s.connectors[String(int(p.connectorId) ?? 0)] = status;
      return {};
    },
    StopTransaction: (s, p) => stopTransaction(host, s, p),
  }),
};

function startTransaction(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const idTag = str(payload.idTag) ?? '';
  const id = host.state.newTransactionId16();
  const transactionId = host.has('transaction-id-zero') ? 0 : id;
  host.state.transactions.push({
    stationId: station.id,
    transactionId: String(transactionId),
    ongoing: true,
    connectorId: int(payload.connectorId),
    idToken: idTag,
    startedAt: str(payload.timestamp) ?? new Date(host.wallMs()).toISOString(),
    messages: 1,
    lastEventType: 'StartTransaction',
    ...(int(payload.meterStart) === undefined ? {} : { meterStartWh: int(payload.meterStart) }),
  });
  return { idTagInfo: idTagInfo(host.tokens.decide('1.6', idTag, tokenDefects(host))), transactionId };
}

function stopTransaction(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  if (host.has('transaction-ended-error')) throw new InternalRpcError('could not close the transaction');
  const tx = host.state.transaction(station.id, String(int(payload.transactionId) ?? ''));
  if (tx !== undefined) {
    tx.ongoing = false;
    tx.messages += 1;
    tx.lastEventType = 'StopTransaction';
    tx.endedAt = str(payload.timestamp) ?? new Date(host.wallMs()).toISOString();
    const reason = str(payload.reason);
    if (reason !== undefined) tx.stoppedReason = reason;
    if (int(payload.meterStop) !== undefined) tx.meterStopWh = int(payload.meterStop);
  }
  const idTag = str(payload.idTag);
  return idTag === undefined ? {} : { idTagInfo: idTagInfo(host.tokens.decide('1.6', idTag, tokenDefects(host))) };
}
