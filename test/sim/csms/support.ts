/**
 * Drive the CSMS simulator the way a station does: a real socket on 127.0.0.1 port 0, our own
 * station endpoint (dial + openEndpoint role 'cs'), and the station's wire log to compare frames.
 */
import { CsmsSimulator, type CsmsSimulatorOptions } from '../../../src/sim/csms/index.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { subprotocolOf, type OcppVersion } from '../../../src/protocol/versions.js';
import type { CallOutcome, OcppEndpoint } from '../../../src/session/endpoint.js';
import { openEndpoint } from '../../../src/session/open.js';
import { dial } from '../../../src/transport/client.js';
import type { Connection } from '../../../src/transport/connection.js';
import { WireLog } from '../../../src/transport/wire-log.js';

export interface TestStation {
  endpoint: OcppEndpoint;
  connection: Connection;
  wireLog: WireLog;
  /** Every text frame on the wire, in order, as [direction, parsed frame]. */
  frames(): Array<['in' | 'out', unknown[]]>;
  /** CALLs the CSMS sent us. */
  callsIn(): Array<{ action: string; payload: JsonObject }>;
  call(action: string, payload: JsonObject): Promise<CallOutcome>;
}

const sims: CsmsSimulator[] = [];
const connections: Connection[] = [];

export async function startCsms(options: Partial<CsmsSimulatorOptions> & { version: OcppVersion }): Promise<{ sim: CsmsSimulator; url: string }> {
  const sim = new CsmsSimulator({ host: '127.0.0.1', port: 0, ...options });
  sims.push(sim);
  const { url } = await sim.start();
  return { sim, url };
}

export async function connectStation(
  url: string,
  version: OcppVersion,
  options: { identity?: string; password?: string; subprotocols?: string[]; answers?: Record<string, JsonObject> } = {},
): Promise<TestStation> {
  const wireLog = new WireLog();
  const identity = options.identity ?? 'CP001';
  const connection = await dial(url, {
    identity,
    subprotocols: options.subprotocols ?? [subprotocolOf[version]],
    wireLog,
    ...(options.password === undefined ? {} : { basicAuth: { username: identity, password: options.password } }),
  });
  connections.push(connection);
  const endpoint = openEndpoint(connection, { role: 'cs', version, callTimeoutMs: 3_000 });
  const received: Array<{ action: string; payload: JsonObject }> = [];
  endpoint.handleDefault((call) => {
    received.push({ action: call.action, payload: call.payload });
    return options.answers?.[call.action] ?? defaultAnswer(version, call.action);
  });
  return {
    endpoint,
    connection,
    wireLog,
    frames: () =>
      wireLog
        .entries()
        .filter((e) => e.kind === 'frame')
        .map((e) => [e.direction, JSON.parse(e.text) as unknown[]]),
    callsIn: () => received,
    call: (action, payload) => endpoint.call(action, payload, { timeoutMs: 3_000 }),
  };
}

/** A plausible station answer to each CSMS call, so triggers complete. */
function defaultAnswer(version: OcppVersion, action: string): JsonObject {
  if (version === '1.6') {
    if (action === 'GetConfiguration') return { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }] };
    if (action === 'GetLocalListVersion') return { listVersion: 1 };
    if (action === 'DataTransfer') return { status: 'UnknownVendorId' };
    if (action === 'UnlockConnector') return { status: 'Unlocked' };
    return { status: 'Accepted' };
  }
  switch (action) {
    case 'GetVariables':
      return { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '60', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] };
    case 'SetVariables':
      return { setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] };
    case 'GetLocalListVersion':
      return { versionNumber: 1 };
    case 'DataTransfer':
      return { status: 'UnknownVendorId' };
    case 'UnlockConnector':
      return { status: 'Unlocked' };
    default:
      return { status: 'Accepted' };
  }
}

export const boot201 = { reason: 'PowerUp', chargingStation: { vendorName: 'ocpp-conform', model: 'test-station' } };
export const boot16 = { chargePointVendor: 'ocpp-conform', chargePointModel: 'test-station' };
export const bootOf = (version: OcppVersion): JsonObject => (version === '1.6' ? boot16 : boot201);

/** Close every simulator and connection a test opened (call in afterEach). */
export async function cleanup(): Promise<void> {
  for (const c of connections.splice(0)) c.terminate();
  await Promise.all(sims.splice(0).map((s) => s.close()));
}

export function resultOf(outcome: CallOutcome): JsonObject {
  if (outcome.status !== 'result') throw new Error(`expected a CALLRESULT, got ${JSON.stringify(outcome)}`);
  return outcome.payload;
}

export function errorCodeOf(outcome: CallOutcome): string {
  if (outcome.status !== 'error') throw new Error(`expected a CALLERROR, got ${JSON.stringify(outcome)}`);
  return outcome.errorCode;
}
