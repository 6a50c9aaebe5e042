/**
 * How the CSMS simulator answers every station → CSMS CALL of a version: a schema-valid
 * response from its tokens, boot policy and transaction bookkeeping, or the CALLERROR the spec
 * asks for. test/sim/csms/responses.test.ts checks that every action the station may send has
 * an answer here and that every answer passes our own schema checks.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { InternalRpcError, PropertyConstraintViolationError } from '../../session/rpc-error.js';
import type { BootStatus, CsmsState, StationRecord } from './state.js';
import { idTagInfo, idTokenInfo, type TokenBook } from './tokens.js';
import { tokenDefects } from './triggers.js';

export interface ResponderHost {
  version: OcppVersion;
  state: CsmsState;
  tokens: TokenBook;
  has(defect: string): boolean;
  /** The boot status for the station's next BootNotification (the boot policy). */
  bootStatusFor(station: StationRecord): BootStatus;
  heartbeatIntervalS: number;
  retryIntervalS: number;
  /** Vendor ids whose DataTransfer we accept; any other gets UnknownVendorId. */
  acceptedVendorIds: readonly string[];
  wallMs(): number;
}

export type Responder = (station: StationRecord, payload: JsonObject) => JsonObject;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);

/** currentTime: RFC 3339 UTC; the heartbeat-wrong-time defect drops the offset (local time). */
export function currentTime(host: Pick<ResponderHost, 'has' | 'wallMs'>): string {
  const now = new Date(host.wallMs());
  if (!host.has('heartbeat-wrong-time')) return now.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

function bootInterval(host: ResponderHost, status: BootStatus): number {
  const configured = status === 'Accepted' ? host.heartbeatIntervalS : host.retryIntervalS;
  if (host.has('boot-without-interval')) return 0;
  // A typical bug: the interval comes from a default instead of the station's configuration.
  if (host.has('wrong-boot-interval')) return configured === 86_400 ? 3_600 : 86_400;
  return configured;
}

function boot(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const status: BootStatus = host.has('boot-always-pending') ? 'Pending' : host.bootStatusFor(station);
  station.bootCount += 1;
  station.bootStatus = status;
  station.pendingAllowed = [];
  const cs = obj(payload.chargingStation);
  const vendor = str(cs?.vendorName) ?? str(payload.chargePointVendor);
  const model = str(cs?.model) ?? str(payload.chargePointModel);
  if (vendor !== undefined) station.vendor = vendor;
  if (model !== undefined) station.model = model;
  return { currentTime: currentTime(host), interval: bootInterval(host, status), status };
}

function heartbeat(host: ResponderHost, station: StationRecord): JsonObject {
  const now = currentTime(host);
  station.lastHeartbeatAt = new Date(host.wallMs()).toISOString();
  return { currentTime: now };
}

function meterValuesCheck(host: ResponderHost, meterId: number | undefined): void {
  if (meterId === 0 && host.has('meter-values-evse0-error')) {
    throw new PropertyConstraintViolationError('evseId 0 is not a valid EVSE');
  }
}

function dataTransfer(host: ResponderHost, payload: JsonObject): JsonObject {
  const vendorId = str(payload.vendorId) ?? '';
  if (!host.acceptedVendorIds.includes(vendorId)) return { status: 'UnknownVendorId' };
  return { status: payload.messageId === undefined ? 'Accepted' : 'UnknownMessageId' };
}

// ---- OCPP 2.0.1 ---------------------------------------------------------------------------

function transactionEvent(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const info = obj(payload.transactionInfo) ?? {};
  const transactionId = str(info.transactionId) ?? '';
  const eventType = str(payload.eventType);
  const now = new Date(host.wallMs()).toISOString();
  if (eventType === 'Ended' && host.has('transaction-ended-error')) throw new InternalRpcError('could not close the transaction');
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

function responders201(host: ResponderHost): Record<string, Responder> {
  const empty: Responder = () => ({});
  return {
    Authorize: (_s, p) => ({ idTokenInfo: idTokenInfo(host.tokens.decide(host.version, str(obj(p.idToken)?.idToken) ?? '', tokenDefects(host))) }),
    BootNotification: (s, p) => boot(host, s, p),
    ClearedChargingLimit: empty,
    DataTransfer: (_s, p) => dataTransfer(host, p),
    FirmwareStatusNotification: empty,
    // No contract certificate service behind this CSMS (ISO 15118 Plug & Charge is out of scope).
    Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '' }),
    GetCertificateStatus: () => ({ status: 'Failed' }),
    Heartbeat: (s) => heartbeat(host, s),
    LogStatusNotification: empty,
    MeterValues: (_s, p) => {
      meterValuesCheck(host, int(p.evseId));
      return {};
    },
    NotifyChargingLimit: empty,
    NotifyCustomerInformation: empty,
    NotifyDisplayMessages: empty,
    NotifyEVChargingNeeds: () => ({ status: 'Rejected' }),
    NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
    NotifyEvent: empty,
    NotifyMonitoringReport: empty,
    NotifyReport: empty,
    PublishFirmwareStatusNotification: empty,
    ReportChargingProfiles: empty,
    ReservationStatusUpdate: empty,
    SecurityEventNotification: empty,
    // No CA behind the simulator: it cannot sign a CSR, so it says so.
    SignCertificate: () => ({ status: 'Rejected' }),
    StatusNotification: (s, p) => {
      const status = str(p.connectorStatus);
      if (status !== undefined) s.connectors[`${int(p.evseId) ?? 0}/${int(p.connectorId) ?? 0}`] = status;
      return {};
    },
    TransactionEvent: (s, p) => transactionEvent(host, s, p),
  };
}

// ---- OCPP 1.6 -----------------------------------------------------------------------------

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

function responders16(host: ResponderHost): Record<string, Responder> {
  const empty: Responder = () => ({});
  return {
    Authorize: (_s, p) => ({ idTagInfo: idTagInfo(host.tokens.decide('1.6', str(p.idTag) ?? '', tokenDefects(host))) }),
    BootNotification: (s, p) => boot(host, s, p),
    DataTransfer: (_s, p) => dataTransfer(host, p),
    DiagnosticsStatusNotification: empty,
    FirmwareStatusNotification: empty,
    Heartbeat: (s) => heartbeat(host, s),
    LogStatusNotification: empty,
    MeterValues: (s, p) => {
      meterValuesCheck(host, int(p.connectorId));
      const tx = host.state.transaction(s.id, String(int(p.transactionId) ?? ''));
      if (tx !== undefined) tx.messages += 1;
      return {};
    },
    SecurityEventNotification: empty,
    SignCertificate: () => ({ status: 'Rejected' }),
    SignedFirmwareStatusNotification: empty,
    StartTransaction: (s, p) => startTransaction(host, s, p),
    StatusNotification: (s, p) => {
      const status = str(p.status);
      if (status !== undefined) s.connectors[String(int(p.connectorId) ?? 0)] = status;
      return {};
    },
    StopTransaction: (s, p) => stopTransaction(host, s, p),
  };
}

export function csmsResponders(host: ResponderHost): Record<string, Responder> {
  return host.version === '1.6' ? responders16(host) : responders201(host);
}
