/**
 * Benchmark: validated CALL→CALLRESULT round trips per second over loopback, ours vs the
 * ocpp-rpc library in strict mode, in the same run; then validations per second of a realistic
 * message mix with both validators. Figures, not assertions: speed is never a timed unit test.
 *
 *   npm run bench [-- --roundtrips 3000 --validations 20000]
 *
 * The last line is exactly: roundtrips/s ours=<n> ocpp-rpc=<n> ratio=<ours/theirs>
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { checkMessage } from '../src/protocol/checks.js';
import { builtinSchemaSet } from '../src/protocol/schemas.js';
import { openEndpoint } from '../src/session/open.js';
import { dial } from '../src/transport/client.js';
import { OcppServer } from '../src/transport/server.js';
import type { JsonObject } from '../src/protocol/frames.js';

const require = createRequire(import.meta.url);
// ocpp-rpc ships no types; the few members used here are typed locally.
interface RpcClientLike {
  connect(): Promise<unknown>;
  call(action: string, payload: unknown): Promise<unknown>;
  close(opts?: unknown): Promise<unknown>;
  handle(action: string, fn: (ctx: { params: unknown }) => unknown): void;
}
interface RpcServerLike {
  on(event: 'client', fn: (client: RpcClientLike) => void): void;
  listen(port: number, host: string): Promise<{ address(): { port: number } }>;
  close(opts?: unknown): Promise<unknown>;
}
interface RpcValidatorLike {
  subprotocol: string;
  validate(schemaId: string, params: unknown): boolean;
}
const ocppRpc = require('ocpp-rpc') as {
  RPCServer: new (opts: Record<string, unknown>) => RpcServerLike;
  RPCClient: new (opts: Record<string, unknown>) => RpcClientLike;
};
const rpcValidators = require('ocpp-rpc/lib/standard-validators.js') as RpcValidatorLike[];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const roundtrips = arg('roundtrips', 3000);
const validations = arg('validations', 20000);
const version = '2.0.1' as const;

// One realistic request/response pair for the round trips: a meter-value heavy TransactionEvent.
const transactionEvent: JsonObject = {
  eventType: 'Updated',
  timestamp: '2024-05-06T10:15:30.123Z',
  triggerReason: 'MeterValuePeriodic',
  seqNo: 7,
  transactionInfo: { transactionId: 'tx-000123', chargingState: 'Charging' },
  evse: { id: 1, connectorId: 1 },
  meterValue: [
    {
      timestamp: '2024-05-06T10:15:30.123Z',
      sampledValue: [
        { value: 1234.5, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } },
        { value: 7.4, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW', multiplier: 0 } },
        { value: 16.7, measurand: 'Current.Import', phase: 'L1' },
        { value: 231.2, measurand: 'Voltage', phase: 'L1-N' },
      ],
    },
  ],
};
const transactionEventResponse: JsonObject = { totalCost: 12.5 };

const mix: Array<{ action: string; kind: 'request' | 'response'; payload: JsonObject }> = [
  { action: 'TransactionEvent', kind: 'request', payload: transactionEvent },
  { action: 'TransactionEvent', kind: 'response', payload: transactionEventResponse },
  { action: 'BootNotification', kind: 'request', payload: { reason: 'PowerUp', chargingStation: { model: 'M1', vendorName: 'V', serialNumber: 'S-1', firmwareVersion: '1.0' } } },
  { action: 'BootNotification', kind: 'response', payload: { currentTime: '2024-05-06T10:15:30Z', interval: 300, status: 'Accepted' } },
  { action: 'Heartbeat', kind: 'request', payload: {} },
  { action: 'Heartbeat', kind: 'response', payload: { currentTime: '2024-05-06T10:15:30Z' } },
  { action: 'StatusNotification', kind: 'request', payload: { timestamp: '2024-05-06T10:15:30Z', connectorStatus: 'Occupied', evseId: 1, connectorId: 1 } },
  { action: 'Authorize', kind: 'request', payload: { idToken: { idToken: '04A2B3C4D5', type: 'ISO14443' } } },
  { action: 'Authorize', kind: 'response', payload: { idTokenInfo: { status: 'Accepted' } } },
];

async function benchOurs(): Promise<number> {
  const server = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
  server.onConnection((conn) => {
    const csms = openEndpoint(conn, { role: 'csms' });
    csms.handle('TransactionEvent', () => transactionEventResponse);
  });
  const { url } = await server.start();
  const conn = await dial(url, { identity: 'BENCH01', subprotocols: ['ocpp2.0.1'] });
  const station = openEndpoint(conn, { role: 'cs' });
  for (let i = 0; i < 100; i++) await station.call('TransactionEvent', transactionEvent); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < roundtrips; i++) {
    const out = await station.call('TransactionEvent', transactionEvent);
    if (out.status !== 'result') throw new Error(`ours: round trip ${i} ended ${out.status}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (station.findings.length > 0) throw new Error(`ours: unexpected findings ${JSON.stringify(station.findings[0])}`);
  await conn.close();
  await server.close();
  return roundtrips / seconds;
}

async function benchOcppRpc(): Promise<number> {
  const server = new ocppRpc.RPCServer({ protocols: ['ocpp2.0.1'], strictMode: true });
  server.on('client', (client) => client.handle('TransactionEvent', () => transactionEventResponse));
  const http = await server.listen(0, '127.0.0.1');
  const client = new ocppRpc.RPCClient({
    endpoint: `ws://127.0.0.1:${http.address().port}`,
    identity: 'BENCH02',
    protocols: ['ocpp2.0.1'],
    strictMode: true,
  });
  await client.connect();
  for (let i = 0; i < 100; i++) await client.call('TransactionEvent', transactionEvent);
  const t0 = performance.now();
  for (let i = 0; i < roundtrips; i++) await client.call('TransactionEvent', transactionEvent);
  const seconds = (performance.now() - t0) / 1000;
  await client.close({ force: true });
  await server.close({ force: true });
  return roundtrips / seconds;
}

function benchValidation(): { ours: number; theirs: number } {
  const set = builtinSchemaSet(version);
  const theirs = rpcValidators.find((v) => v.subprotocol === 'ocpp2.0.1');
  if (!theirs) throw new Error('ocpp-rpc has no ocpp2.0.1 validator');
  const run = (fn: (m: (typeof mix)[number]) => void): number => {
    for (let i = 0; i < 500; i++) fn(mix[i % mix.length]!);
    const t0 = performance.now();
    for (let i = 0; i < validations; i++) fn(mix[i % mix.length]!);
    return validations / ((performance.now() - t0) / 1000);
  };
  const ours = run((m) => {
    const r = checkMessage({ set, version, action: m.action, kind: m.kind, payload: m.payload });
    if (r.findings.some((f) => f.severity === 'error')) throw new Error(`ours: ${m.action} ${m.kind} invalid: ${r.findings[0]?.message}`);
  });
  const other = run((m) => {
    // ocpp-rpc names 2.0.1 schemas urn:<Action>.req / urn:<Action>.conf.
    theirs.validate(`urn:${m.action}.${m.kind === 'request' ? 'req' : 'conf'}`, m.payload);
  });
  return { ours, theirs: other };
}

const fmt = (n: number): string => String(Math.round(n));

const validation = benchValidation();
console.log(`validations/s (schema+format, ${mix.length}-message mix, ${validations} each) ours=${fmt(validation.ours)} ocpp-rpc=${fmt(validation.theirs)} ratio=${(validation.ours / validation.theirs).toFixed(2)}`);
const ours = await benchOurs();
const theirs = await benchOcppRpc();
console.log(`round trips: ${roundtrips} sequential validated TransactionEvent CALL→CALLRESULT over loopback, one CALL in flight`);
console.log(`roundtrips/s ours=${fmt(ours)} ocpp-rpc=${fmt(theirs)} ratio=${(ours / theirs).toFixed(2)}`);
