/**
 * Core profile (1.6), the Central System's answers: BootNotification, Heartbeat, Authorize,
 * Start/StopTransaction (the Central System numbers transactions), MeterValues,
 * StatusNotification, DataTransfer. The Core profile's triggers are in core-triggers.ts.
 *
 * A compliant Central System takes every status (§7.7), stop reason (§7.36) and transaction the
 * Charge Point may report, including starts it never saw an Authorize for (a cached or offline
 * authorization, §4.8) and a connector that goes back from Preparing to Available (ConnectionTimeOut,
 * §9.1.6). The defects here are the shortcuts real Central Systems take on those.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { InternalRpcError, NotImplementedError, PropertyConstraintViolationError } from '../../../session/rpc-error.js';
import { checkMeterId, int, meterValuesEvse0Error, str, type CsmsBlock } from '../block.js';
import { bootAnswer, heartbeatAnswer, registrationDefects } from '../registration.js';
import type { ResponderHost } from '../responses.js';
import type { StationRecord } from '../state.js';
import { idTagInfo, tokenDefectDecls, tokenDefects } from '../tokens.js';
import { dataTransferAnswer } from '../trigger-helpers.js';

/** The statuses a Central System that only knows the happy path expects (defect status-enum-limited). */
const happyStatuses = new Set(['Available', 'Preparing', 'Charging', 'Finishing']);
/** The stop reasons such a Central System knows (defect stop-reason-limited); an absent reason means Local (§4.10). */
const happyReasons = new Set(['Local', 'Remote']);

/** Per station: the idTags the Central System accepted in an Authorize.conf (defect start-requires-authorize). */
const authorizedTags = new WeakMap<StationRecord, Set<string>>();
const authorizedOf = (s: StationRecord): Set<string> => {
  let set = authorizedTags.get(s);
  if (set === undefined) authorizedTags.set(s, (set = new Set()));
  return set;
};

export const core16: CsmsBlock = {
  name: 'core',
  defects: [
    ...registrationDefects,
    ...tokenDefectDecls,
    { name: 'blocked-token-invalid', description: 'answers Authorize for a blocked idTag with Invalid instead of Blocked' },
    { name: 'expired-token-invalid', description: 'answers a 1.6 Authorize for an expired idTag with Invalid instead of Expired' },
    { name: 'transaction-ended-error', description: 'answers the end of a transaction (TransactionEvent Ended / StopTransaction) with CALLERROR InternalError' },
    { name: 'transaction-id-zero', description: 'answers StartTransaction with transactionId 0 for every transaction' },
    { name: 'status-enum-limited', description: 'answers a 1.6 StatusNotification with CALLERROR PropertyConstraintViolation for a status other than Available, Preparing, Charging, Finishing (SuspendedEV, Faulted, … are valid, §7.7)' },
    { name: 'preparing-to-available-error', description: 'answers a 1.6 StatusNotification Available with CALLERROR InternalError when the connector was Preparing and no transaction started (the ConnectionTimeOut path, §9.1.6)' },
    { name: 'stop-reason-limited', description: 'answers a 1.6 StopTransaction with CALLERROR PropertyConstraintViolation for a reason other than Local or Remote (EVDisconnected, PowerLoss, UnlockCommand, DeAuthorized … are valid, §7.36)' },
    { name: 'start-requires-authorize', description: 'answers a 1.6 StartTransaction with idTagInfo Invalid when no Authorize for that idTag came first (cached or offline authorizations, §4.8, are refused)' },
    { name: 'data-transfer-callerror', description: 'answers a 1.6 DataTransfer for a vendorId it does not know with CALLERROR NotImplemented instead of a DataTransfer.conf status UnknownVendorId' },
    meterValuesEvse0Error,
  ],
  responders: (host) => ({
    Authorize: (s, p) => {
      const idTag = str(p.idTag) ?? '';
      const decision = host.tokens.decide('1.6', idTag, tokenDefects(host));
      const info = idTagInfo(decision.status === 'Expired' && host.has('expired-token-invalid') ? { ...decision, status: 'Invalid' } : decision);
      if (info.status === 'Accepted') authorizedOf(s).add(idTag);
      return { idTagInfo: info };
    },
    BootNotification: (s, p) => bootAnswer(host, s, p),
    DataTransfer: (_s, p) => {
      const answer = dataTransferAnswer(host.acceptedVendorIds, p);
      if (answer.status === 'UnknownVendorId' && host.has('data-transfer-callerror')) throw new NotImplementedError(`no DataTransfer handler for vendor ${str(p.vendorId) ?? ''}`);
      return answer;
    },
    Heartbeat: (s) => heartbeatAnswer(host, s),
    MeterValues: (s, p) => {
      checkMeterId((d) => host.has(d), int(p.connectorId));
      const tx = host.state.transaction(s.id, String(int(p.transactionId) ?? ''));
      if (tx !== undefined) tx.messages += 1;
      return {};
    },
    StartTransaction: (s, p) => startTransaction(host, s, p),
    StatusNotification: (s, p) => statusNotification(host, s, p),
    StopTransaction: (s, p) => stopTransaction(host, s, p),
  }),
};

function statusNotification(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const status = str(payload.status);
  const connector = String(int(payload.connectorId) ?? 0);
  if (status !== undefined && !happyStatuses.has(status) && host.has('status-enum-limited')) throw new PropertyConstraintViolationError(`status ${status} is not handled`);
  const previous = station.connectors[connector];
  const ongoing = host.state.transactions.some((t) => t.stationId === station.id && t.ongoing && String(t.connectorId ?? '') === connector);
  if (status === 'Available' && previous === 'Preparing' && !ongoing && host.has('preparing-to-available-error')) throw new InternalRpcError(`connector ${connector} was Preparing and no transaction started`);
  if (status !== undefined) station.connectors[connector] = status;
  return {};
}

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
  const authorized = authorizedOf(station);
  const info = host.has('start-requires-authorize') && !authorized.has(idTag) ? { status: 'Invalid' } : idTagInfo(host.tokens.decide('1.6', idTag, tokenDefects(host)));
  // The authorization is used up by this transaction.
  authorized.delete(idTag);
  return { idTagInfo: info, transactionId };
}

function stopTransaction(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  if (host.has('transaction-ended-error')) throw new InternalRpcError('could not close the transaction');
  const reason = str(payload.reason);
  if (reason !== undefined && !happyReasons.has(reason) && host.has('stop-reason-limited')) throw new PropertyConstraintViolationError(`stop reason ${reason} is not handled`);
  const tx = host.state.transaction(station.id, String(int(payload.transactionId) ?? ''));
  if (tx !== undefined) {
    tx.ongoing = false;
    tx.messages += 1;
    tx.lastEventType = 'StopTransaction';
    tx.endedAt = str(payload.timestamp) ?? new Date(host.wallMs()).toISOString();
    if (reason !== undefined) tx.stoppedReason = reason;
    if (int(payload.meterStop) !== undefined) tx.meterStopWh = int(payload.meterStop);
  }
  const idTag = str(payload.idTag);
  return idTag === undefined ? {} : { idTagInfo: idTagInfo(host.tokens.decide('1.6', idTag, tokenDefects(host))) };
}
