/** A tiny in-test CSMS (our OcppServer + openEndpoint as 'csms') that records what the station sends. */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { CallHandler, OcppEndpoint } from '../../../src/session/endpoint.js';
import { openEndpoint } from '../../../src/session/open.js';
import { RpcError } from '../../../src/session/rpc-error.js';
import { OcppServer } from '../../../src/transport/server.js';
import { createStationSimulator, type StationOptions, type StationSimulator } from '../../../src/sim/station/station-simulator.js';

export interface Received {
  action: string;
  payload: JsonObject;
  atMs: number;
  messageId?: string;
}

export interface TestCsms {
  url: string;
  /** CALLs the station sent, in order, over every connection. */
  calls: Received[];
  endpoints: OcppEndpoint[];
  connections: number;
  /** The live endpoint (latest connection). */
  ep(): OcppEndpoint;
  close(): Promise<void>;
}

const tokenStatus: Record<string, string> = {
  '04A1B2C3D4E5F6': 'Accepted',
  '04A1B2C3D4E5F7': 'Accepted',
  '04AA55AA55AA55': 'Accepted',
  '04FFEEDDCCBBAA': 'Invalid',
  '04B10C4ED00001': 'Blocked',
  '04E0E1E2E3E4E5': 'Expired',
};

export interface CsmsOptions {
  /** Answer to the n-th BootNotification (0-based). Default Accepted with interval 60. */
  boot?: (n: number) => { status: string; interval: number };
  handlers?: Record<string, CallHandler>;
}

export async function startCsms(version: '1.6' | '2.0.1', options: CsmsOptions = {}): Promise<TestCsms> {
  const server = new OcppServer({ host: '127.0.0.1', port: 0, subprotocols: [version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'] });
  const { url } = await server.start();
  const start = Date.now();
  let boots = 0;
  let txCounter = 0;
  const csms: TestCsms = {
    url,
    calls: [],
    endpoints: [],
    connections: 0,
    ep: () => {
      const last = csms.endpoints[csms.endpoints.length - 1];
      if (!last) throw new Error('no station connected');
      return last;
    },
    close: () => server.close(),
  };
  const info = (token: string): JsonObject => ({ status: tokenStatus[token] ?? 'Invalid', ...(token.startsWith('VALID') ? { groupIdToken: { idToken: 'GROUP-01', type: 'Central' } } : {}) });
  const tagInfo = (tag: string): JsonObject => ({ status: tokenStatus[tag] ?? 'Invalid', ...(tag.startsWith('VALID') ? { parentIdTag: 'GROUP-01' } : {}) });
  const now = (): string => new Date().toISOString();
  const defaults: Record<string, CallHandler> =
    version === '1.6'
      ? {
          BootNotification: () => ({ ...(options.boot?.(boots++) ?? { status: 'Accepted', interval: 60 }), currentTime: now() }),
          Heartbeat: () => ({ currentTime: now() }),
          StatusNotification: () => ({}),
          Authorize: (c) => ({ idTagInfo: tagInfo(String(c.payload['idTag'])) }),
          StartTransaction: (c) => ({ transactionId: ++txCounter, idTagInfo: tagInfo(String(c.payload['idTag'])) }),
          StopTransaction: () => ({}),
          MeterValues: () => ({}),
        }
      : {
          BootNotification: () => ({ ...(options.boot?.(boots++) ?? { status: 'Accepted', interval: 60 }), currentTime: now() }),
          Heartbeat: () => ({ currentTime: now() }),
          StatusNotification: () => ({}),
          SecurityEventNotification: () => ({}),
          NotifyReport: () => ({}),
          MeterValues: () => ({}),
          Authorize: (c) => ({ idTokenInfo: info(String((c.payload['idToken'] as JsonObject)['idToken'])) }),
          TransactionEvent: (c) => {
            const token = c.payload['idToken'] as JsonObject | undefined;
            return token ? { idTokenInfo: info(String(token['idToken'])) } : {};
          },
        };
  server.onConnection((conn) => {
    csms.connections++;
    const ep = openEndpoint(conn, { role: 'csms', version });
    csms.endpoints.push(ep);
    ep.onEvent((e) => {
      if (e.type === 'callIn') csms.calls.push({ action: e.action, payload: e.payload, atMs: Date.now() - start, messageId: e.messageId });
    });
    for (const [action, handler] of Object.entries({ ...defaults, ...(options.handlers ?? {}) })) ep.handle(action, handler);
  });
  return csms;
}

export const fastTimers = { reconnectBackoffMs: 100, rebootMs: 100, bootRetryMs: 500 };

export function station(version: '1.6' | '2.0.1', csms: TestCsms, options: Partial<StationOptions> = {}): StationSimulator {
  return createStationSimulator({ version, csmsUrl: csms.url, timers: fastTimers, callTimeoutMs: 2_000, ...options });
}

export async function waitFor(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('waitFor timed out');
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Every error-severity finding the CSMS endpoints made on the station's frames. */
export function errorFindings(csms: TestCsms): string[] {
  return csms.endpoints.flatMap((ep) => ep.findings.filter((f) => f.severity === 'error').map((f) => `${f.layer}:${f.code}:${f.message}`));
}

export const callError = (): never => {
  throw new RpcError('internalError', 'test CSMS refuses');
};

/** Run `scenario` against a fresh CSMS + station; always cleans up. */
export async function withStation<T>(
  version: '1.6' | '2.0.1',
  setup: { csms?: CsmsOptions; station?: Partial<StationOptions> },
  scenario: (csms: TestCsms, st: StationSimulator) => Promise<T>,
): Promise<T> {
  const csms = await startCsms(version, setup.csms);
  const st = station(version, csms, setup.station);
  try {
    await st.start();
    return await scenario(csms, st);
  } finally {
    await st.stop();
    await csms.close();
  }
}

/** Wait until the station is Accepted and its post-boot messages are through. */
export async function booted(csms: TestCsms, st: StationSimulator): Promise<void> {
  await waitFor(() => st.registration === 'Accepted');
  await sleep(150);
}

export function actions(csms: TestCsms): string[] {
  return csms.calls.map((c) => c.action);
}

/** A defect's wire scenario (./defects.test.ts and the per-block defects-*.ts files): its CSMS and station options, and what it returns as the wire's signature. */
export interface DefectScenario {
  csms?: CsmsOptions;
  station?: Partial<StationOptions>;
  run(csms: TestCsms, st: StationSimulator): Promise<string>;
}

/** What defects.test.ts hands each block's scenarios: the wire signature and one CALL's answer. */
export interface ScenarioHelpers {
  wire: (csms: TestCsms) => string;
  answer: (csms: TestCsms, action: string, payload: JsonObject) => Promise<string>;
}
