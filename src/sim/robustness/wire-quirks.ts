/**
 * Robustness defects of both simulators (issue #16): interoperability bugs seen in the field
 * (../shared/reference/interop-bugs.md, IB-xx), reproduced on the wire between the socket and
 * the simulator's OCPP-J endpoint. The compliant behaviour is the endpoint's own; each defect
 * changes what the simulator puts on the wire the way the cited implementation did, so a
 * robustness case (testcases/robustness/) can prove it catches it.
 *
 * Without one of these defects switched on, `robustnessWire` returns the connection unchanged.
 */
import type { OcppVersion } from '../../protocol/versions.js';
import type { SessionConnection } from '../../session/types.js';
import type { DefectInfo } from '../types.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const v201: readonly OcppVersion[] = ['2.0.1'];
const v16: readonly OcppVersion[] = ['1.6'];

interface Quirk {
  name: string;
  versions: readonly OcppVersion[];
  description: string;
  /** Which simulator has it. */
  sides: ReadonlyArray<'cs' | 'csms'>;
}

const quirks: readonly Quirk[] = [
  { name: 'hangs-after-malformed-frame', versions: both, sides: ['cs', 'csms'], description: 'after a frame that is not JSON it stops answering on that connection without closing it (IB-08)' },
  { name: 'closes-on-stray-response', versions: both, sides: ['cs', 'csms'], description: 'closes the connection (1011) on a CALLRESULT whose message id matches no CALL it sent (IB-12)' },
  { name: 'echoes-numeric-message-id', versions: both, sides: ['cs', 'csms'], description: 'processes a CALL whose message id is a number and answers under that number instead of rejecting the frame (IB-12)' },
  { name: 'swaps-notimplemented-notsupported', versions: both, sides: ['cs', 'csms'], description: 'answers NotSupported where OCPP-J says NotImplemented and the other way round (IB-10)' },
  { name: 'error-details-as-string', versions: both, sides: ['cs', 'csms'], description: 'sends the errorDetails of its CALLERRORs as a string instead of an object (IB-11)' },
  { name: 'modern-error-code-spelling', versions: v16, sides: ['cs', 'csms'], description: 'spells its CALLERROR codes as in OCPP 2.0.1 (FormatViolation, OccurrenceConstraintViolation) on a 1.6 link (IB-09)' },
  { name: 'ignores-unknown-message-type', versions: both, sides: ['cs', 'csms'], description: 'silently drops a frame with a message type it does not know instead of answering MessageTypeNotSupported / RpcFrameworkError (IB-14)' },
  { name: 'blocks-while-own-call-pending', versions: both, sides: ['csms'], description: 'does not answer a CALL of the peer while its own CALL to that peer is unanswered (crossing CALLs deadlock, IB-13)' },
  { name: 'internal-error-on-odd-timestamp', versions: both, sides: ['csms'], description: 'answers InternalError to a CALL whose timestamp has no UTC offset instead of a defined outcome (IB-15)' },
  { name: 'crashes-on-large-integer', versions: both, sides: ['csms'], description: 'drops the connection (1011) on a CALL holding an integer above 2^31-1 (IB-17)' },
  { name: 'crashes-on-empty-sampled-value', versions: both, sides: ['csms'], description: 'drops the connection (1011) on MeterValues with an empty sampledValue list (IB-18)' },
  { name: 'case-insensitive-enums', versions: both, sides: ['cs', 'csms'], description: 'accepts enum values in the wrong case (available, inoperative) as if spelled right (IB-19)' },
  { name: 'rejects-custom-data', versions: v201, sides: ['cs', 'csms'], description: 'answers FormatViolation to a payload carrying customData, which every 2.0.1 type allows (IB-20)' },
  { name: 'crashes-on-null-field', versions: both, sides: ['csms'], description: 'drops the connection (1011) on a payload holding a JSON null (IB-20)' },
  { name: 'rejects-decimal-values', versions: both, sides: ['csms'], description: 'answers FormatViolation to meter values that are not a float multiple of 0.1 (0.3, 6.25): a float multipleOf check (IB-16)' },
  { name: 'rejects-max-length-string', versions: both, sides: ['csms'], description: 'rejects an idToken / idTag of exactly the maximum length (off by one, IB-21)' },
  { name: 'truncates-long-strings', versions: both, sides: ['csms'], description: 'silently cuts an over-long idToken / idTag to the maximum length and accepts it (IB-21)' },
  { name: 'stops-answering-when-idle', versions: both, sides: ['cs'], description: 'after 2 s without a CALL from the CSMS it keeps heartbeating but never answers a CALL again (IB-05)' },
  { name: 'errors-on-unknown-transaction', versions: both, sides: ['cs'], description: 'answers a remote stop for a transaction id it does not know with InternalError instead of Rejected (IB-26)' },
  { name: 'float-artifact-limits', versions: both, sides: ['csms'], description: 'sends charging limits with float artefacts (16.700000000000003) where at most one decimal is allowed (IB-16)' },
  { name: 'accepts-any-subprotocol', versions: both, sides: ['csms'], description: 'completes the WebSocket handshake on any offered subprotocol (ws-chat) and serves it as OCPP (IB-01)' },
  { name: 'refuses-second-connection', versions: both, sides: ['csms'], description: 'keeps the first connection of a station identity and closes a second one (1008) instead of routing to the new one (IB-06)' },
  { name: 'case-insensitive-identity', versions: both, sides: ['csms'], description: 'matches station identities ignoring case, so cp001 is served as CP001 (IB-03)' },
  { name: 'rejects-seqno-gap', versions: v201, sides: ['csms'], description: 'answers a TransactionEvent whose seqNo is not the previous one + 1 with a CALLERROR instead of accepting a late or out-of-order offline event (IB-25)' },
  { name: 'heartbeat-interval-zero-flood', versions: both, sides: ['cs'], description: 'takes a BootNotification interval of 0 literally and heartbeats as fast as it can (IB-23)' },
  { name: 'fails-on-second-large-frame', versions: both, sides: ['csms'], description: 'fails the connection (1007 "invalid distance too far back") on the second large frame, as a broken compression context does (IB-04)' },
  { name: 'reveals-basic-auth-password', versions: v201, sides: ['cs'], description: 'answers GetVariables for the write-only SecurityCtrlr.BasicAuthPassword with its value (IB-28)' },
  { name: 'writable-security-profile', versions: v201, sides: ['cs'], description: 'accepts SetVariables on the read-only SecurityCtrlr.SecurityProfile, so a profile downgrade goes through (IB-29)' },
  { name: 'schedule-starts-late', versions: both, sides: ['csms'], description: 'sends a charging schedule whose first period does not start at 0 (IB-27)' },
];

/** The robustness defects of one simulator side, for its defect list. */
export function robustnessDefects(side: 'cs' | 'csms'): DefectInfo[] {
  return quirks.filter((q) => q.sides.includes(side)).map((q) => ({ name: q.name, side, versions: q.versions, description: q.description }));
}

export interface QuirkHost {
  version: OcppVersion;
  has(defect: string): boolean;
}

/** 1.6 idTag ≤ 20 (CiString20Type); 2.0.1 idToken ≤ 36 (IdTokenType). */
const idLimit = (version: OcppVersion): number => (version === '1.6' ? 20 : 36);
const noOffset = /"timestamp"\s*:\s*"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2})?"/;
const bigInteger = /[:,[]\s*-?(\d{11,})\s*[,}\]]/;

/** The connection as a simulator with `host`'s robustness defects sees and uses it. */
export function robustnessWire(connection: SessionConnection, host: QuirkHost): SessionConnection {
  const on = quirks.filter((q) => host.has(q.name) && q.versions.includes(host.version)).map((q) => q.name);
  if (on.length === 0) return connection;
  const has = (name: string): boolean => on.includes(name);
  const ownCalls = new Set<string>();
  const pendingOwn = new Set<string>();
  const held: Array<[string, number | undefined]> = [];
  const numericIds = new Map<string, number>();
  const lastSeqNo = new Map<string, number>();
  let hung = false;
  let largeFrames = 0;
  let lastCallMono = Date.now();
  let deliver: (text: string, frameSeq?: number) => void = () => undefined;

  const reply = (id: unknown, code: string, description: string): void => connection.send(JSON.stringify([4, id, code, description, {}]));
  const crash = (): void => connection.close(1011, 'internal error');

  const inbound = (text: string, frameSeq?: number): void => {
    if (hung) return;
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      frame = undefined;
    }
    if (!Array.isArray(frame)) {
      if (has('hangs-after-malformed-frame')) {
        hung = true;
        return;
      }
      deliver(text, frameSeq);
      return;
    }
    const [type, id] = frame as unknown[];
    if ((type === 3 || type === 4) && typeof id === 'string') {
      if (has('closes-on-stray-response') && !ownCalls.has(id)) return crash();
      pendingOwn.delete(id);
      deliver(text, frameSeq);
      if (pendingOwn.size === 0) for (const [t, s] of held.splice(0)) inbound(t, s);
      return;
    }
    if (typeof type === 'number' && type > 4 && has('ignores-unknown-message-type')) return;
    if (type !== 2) {
      deliver(text, frameSeq);
      return;
    }
    if (typeof id === 'number' && has('echoes-numeric-message-id')) {
      const alias = `numeric-${id}`;
      numericIds.set(alias, id);
      const copy = [...(frame as unknown[])];
      copy[1] = alias;
      deliver(JSON.stringify(copy), frameSeq);
      return;
    }
    const action = typeof frame[2] === 'string' ? frame[2] : '';
    if (text.length > 1024 && has('fails-on-second-large-frame') && ++largeFrames >= 2) return connection.close(1007, 'invalid distance too far back');
    if (has('reveals-basic-auth-password') && action === 'GetVariables' && text.includes('"BasicAuthPassword"')) {
      connection.send(JSON.stringify([3, id, { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: 'rb-revealed-password-01', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }]));
      return;
    }
    if (has('writable-security-profile') && action === 'SetVariables' && text.includes('"SecurityProfile"')) {
      connection.send(JSON.stringify([3, id, { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'SecurityProfile' } }] }]));
      return;
    }
    const payload = (frame[3] ?? {}) as Record<string, unknown>;
    const now = Date.now();
    const idle = now - lastCallMono > 2000;
    lastCallMono = now;
    if (has('stops-answering-when-idle') && (idle || hung)) {
      hung = true;
      return;
    }
    if (has('blocks-while-own-call-pending') && pendingOwn.size > 0) {
      held.push([text, frameSeq]);
      return;
    }
    if (has('crashes-on-large-integer') && bigInteger.test(text) && [...text.matchAll(/\d{11,}/g)].some((m) => Number(m[0]) > 2 ** 31 - 1)) return crash();
    if (has('crashes-on-empty-sampled-value') && /"sampledValue"\s*:\s*\[\s*\]/.test(text)) return crash();
    if (has('crashes-on-null-field') && /:\s*null\b/.test(text)) return crash();
    if (has('internal-error-on-odd-timestamp') && noOffset.test(text)) return reply(id, 'InternalError', 'unexpected error');
    if (has('rejects-custom-data') && text.includes('"customData"')) return reply(id, 'FormatViolation', 'additional property customData');
    if (has('rejects-decimal-values') && action === 'MeterValues' && decimalValues(payload).some((v) => !Number.isInteger(v * 10))) {
      return reply(id, host.version === '1.6' ? 'FormationViolation' : 'FormatViolation', 'value must be multiple of 0.1');
    }
    const idToken = action === 'Authorize' ? tokenOf(payload) : undefined;
    if (idToken !== undefined && has('rejects-max-length-string') && idToken.length === idLimit(host.version)) {
      return reply(id, host.version === '1.6' ? 'FormationViolation' : 'FormatViolation', 'idToken too long');
    }
    if (idToken !== undefined && has('truncates-long-strings') && idToken.length > idLimit(host.version)) {
      deliver(text.replace(JSON.stringify(idToken), JSON.stringify(idToken.slice(0, idLimit(host.version)))), frameSeq);
      return;
    }
    if (has('rejects-seqno-gap') && action === 'TransactionEvent') {
      const txId = (payload.transactionInfo as Record<string, unknown> | undefined)?.transactionId;
      const tx = typeof txId === 'string' ? txId : JSON.stringify(txId ?? null);
      const seqNo = typeof payload.seqNo === 'number' ? payload.seqNo : -1;
      const last = lastSeqNo.get(tx);
      lastSeqNo.set(tx, Math.max(seqNo, last ?? -1));
      if (last !== undefined && seqNo !== last + 1) return reply(id, 'PropertyConstraintViolation', `seqNo ${seqNo} does not follow ${last}`);
    }
    if (has('errors-on-unknown-transaction') && (action === 'RequestStopTransaction' || action === 'RemoteStopTransaction')) return reply(id, 'InternalError', 'no such transaction');
    if (has('case-insensitive-enums')) {
      deliver(text.replace(/"(connectorStatus|status|operationalStatus|type)"\s*:\s*"([a-z])([A-Za-z]*)"/g, (_m, k: string, a: string, b: string) => `"${k}":"${a.toUpperCase()}${b}"`), frameSeq);
      return;
    }
    deliver(text, frameSeq);
  };

  const outbound = (text: string): string => {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return text;
    }
    if (!Array.isArray(frame)) return text;
    const parts = [...(frame as unknown[])];
    if (parts[0] === 2 && typeof parts[1] === 'string') {
      ownCalls.add(parts[1]);
      pendingOwn.add(parts[1]);
      if (parts[2] === 'SetChargingProfile' && (has('float-artifact-limits') || has('schedule-starts-late'))) return JSON.stringify([2, parts[1], parts[2], reshapeSchedules(parts[3], has)]);
      return text;
    }
    if (typeof parts[1] === 'string' && numericIds.has(parts[1])) parts[1] = numericIds.get(parts[1]);
    if (parts[0] === 4) {
      if (has('swaps-notimplemented-notsupported')) parts[2] = parts[2] === 'NotImplemented' ? 'NotSupported' : parts[2] === 'NotSupported' ? 'NotImplemented' : parts[2];
      if (has('modern-error-code-spelling')) parts[2] = parts[2] === 'FormationViolation' ? 'FormatViolation' : parts[2] === 'OccurenceConstraintViolation' ? 'OccurrenceConstraintViolation' : parts[2];
      if (has('error-details-as-string')) parts[4] = typeof parts[3] === 'string' ? parts[3] : 'error';
    }
    return JSON.stringify(parts);
  };

  return {
    id: connection.id,
    send: (text) => connection.send(outbound(text)),
    onText: (listener) => {
      deliver = listener;
      return connection.onText((text, seq) => inbound(text, seq));
    },
    onClose: (listener) => connection.onClose(listener),
    close: (code, reason) => connection.close(code, reason),
    ...(connection.onInvalidFrame ? { onInvalidFrame: (listener: Parameters<NonNullable<SessionConnection['onInvalidFrame']>>[0]) => connection.onInvalidFrame?.(listener) } : {}),
  };
}

/** Every numeric sampled value of a MeterValues payload (1.6 values are strings of numbers). */
function decimalValues(payload: Record<string, unknown>): number[] {
  const out: number[] = [];
  const meter = Array.isArray(payload.meterValue) ? payload.meterValue : [];
  for (const m of meter) {
    const sampled = (m as Record<string, unknown>).sampledValue;
    for (const s of Array.isArray(sampled) ? sampled : []) {
      const v = (s as Record<string, unknown>).value;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      if (Number.isFinite(n)) out.push(n);
    }
  }
  return out;
}

function tokenOf(payload: Record<string, unknown>): string | undefined {
  if (typeof payload.idTag === 'string') return payload.idTag;
  const token = payload.idToken as Record<string, unknown> | undefined;
  return typeof token?.idToken === 'string' ? token.idToken : undefined;
}

/** The SetChargingProfile payload with the schedule defects applied (1.6 csChargingProfiles, 2.0.1 chargingProfile). */
function reshapeSchedules(payload: unknown, has: (name: string) => boolean): unknown {
  const copy = JSON.parse(JSON.stringify(payload ?? {})) as Record<string, unknown>;
  const profile = (copy.csChargingProfiles ?? copy.chargingProfile) as Record<string, unknown> | undefined;
  const schedules = profile === undefined ? [] : Array.isArray(profile.chargingSchedule) ? profile.chargingSchedule : [profile.chargingSchedule];
  for (const schedule of schedules) {
    const periods = (schedule as Record<string, unknown> | undefined)?.chargingSchedulePeriod;
    if (!Array.isArray(periods)) continue;
    for (const [i, p] of periods.entries()) {
      const period = p as Record<string, unknown>;
      if (has('float-artifact-limits') && typeof period.limit === 'number') period.limit = period.limit + 0.1 + 0.2 - 0.3 + 0.000000000000003;
      if (has('schedule-starts-late') && i === 0) period.startPeriod = 60;
    }
  }
  return copy;
}
