/**
 * Benchmark (issue #14): validated CALL→CALLRESULT round trips per second over loopback, ours vs
 * the ocpp-rpc library (strict, and non-strict for reference) and a raw `ws` echo (stringify and
 * parse only); then validations per second of a realistic 9-message mix, ours vs ocpp-rpc.
 * Every contender runs in the same process over one open connection, in interleaved rounds
 * (A B C D, A B C D…), and the median round counts: the ratios stay meaningful on a busy machine
 * where absolute figures do not. Figures, not assertions: speed is never a timed unit test.
 *
 *   npm run bench [-- --roundtrips 20000 --validations 500000 --rounds 5]
 *
 * The last two lines are exactly:
 *   validations/s ours=<n> ocpp-rpc=<n> ratio=<ours/theirs>
 *   roundtrips/s ours=<n> ocpp-rpc=<n> raw-ws=<n> ratio=<ours/ocpp-rpc> ratio-raw=<ours/raw-ws>
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkMessage } from '../src/protocol/checks.js';
import type { JsonObject } from '../src/protocol/frames.js';
import { builtinSchemaSet } from '../src/protocol/schemas.js';
import { openEndpoint } from '../src/session/open.js';
import { dial } from '../src/transport/client.js';
import { OcppServer } from '../src/transport/server.js';
import { ocppRpcPair, rawWsPair, rpcValidators, type Contender } from './bench-peers.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const roundtrips = arg('roundtrips', 20_000);
const validations = arg('validations', 500_000);
const rounds = arg('rounds', 5);
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

/** Our stack end to end: transport (with its wire log), session, schema + format checks on both sides. */
async function oursPair(): Promise<Contender> {
  const server = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
  server.onConnection((conn) => {
    const csms = openEndpoint(conn, { role: 'csms' });
    csms.handle('TransactionEvent', () => transactionEventResponse);
  });
  const { url } = await server.start();
  const conn = await dial(url, { identity: 'BENCH01', subprotocols: ['ocpp2.0.1'] });
  const station = openEndpoint(conn, { role: 'cs' });
  return {
    roundTrip: async () => {
      const out = await station.call('TransactionEvent', transactionEvent);
      if (out.status !== 'result') throw new Error(`ours: round trip ended ${out.status}`);
      if (station.findings.length > 0) throw new Error(`ours: unexpected finding ${JSON.stringify(station.findings[0])}`);
      return out;
    },
    close: async () => {
      await conn.close();
      await server.close();
    },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timedRoundTrips(c: Contender, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await c.roundTrip();
  return n / ((performance.now() - t0) / 1000);
}

function timedValidations(fn: (m: (typeof mix)[number]) => void, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(mix[i % mix.length] as (typeof mix)[number]);
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (n: number): string => String(Math.round(n));

async function main(): Promise<void> {
  // ---- validations
  const set = builtinSchemaSet(version);
  const theirs = rpcValidators.find((v) => v.subprotocol === 'ocpp2.0.1');
  if (!theirs) throw new Error('ocpp-rpc has no ocpp2.0.1 validator');
  const ourValidate = (m: (typeof mix)[number]): void => {
    const r = checkMessage({ set, version, action: m.action, kind: m.kind, payload: m.payload });
    if (r.findings.length > 0) throw new Error(`ours: ${m.action} ${m.kind}: ${r.findings[0]?.message}`);
  };
  // ocpp-rpc names 2.0.1 schemas urn:<Action>.req / urn:<Action>.conf.
  const ids = new Map(mix.map((m) => [m, `urn:${m.action}.${m.kind === 'request' ? 'req' : 'conf'}`]));
  const theirValidate = (m: (typeof mix)[number]): void => {
    theirs.validate(ids.get(m) as string, m.payload);
  };
  timedValidations(ourValidate, 20_000); // warm-up and compile
  timedValidations(theirValidate, 20_000);
  const perRound = Math.ceil(validations / rounds);
  const v = { ours: [] as number[], theirs: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    v.ours.push(timedValidations(ourValidate, perRound));
    v.theirs.push(timedValidations(theirValidate, perRound));
  }
  console.log(`validations: ${mix.length}-message mix (schema + format), ${rounds} interleaved rounds of ${perRound}, median`);

  // ---- round trips
  const contenders: Array<[string, Contender]> = [
    ['ours', await oursPair()],
    ['ocpp-rpc', await ocppRpcPair(true, 'TransactionEvent', transactionEvent, transactionEventResponse)],
    ['ocpp-rpc-nonstrict', await ocppRpcPair(false, 'TransactionEvent', transactionEvent, transactionEventResponse)],
    ['raw-ws', await rawWsPair('TransactionEvent', transactionEvent, transactionEventResponse)],
  ];
  const rt = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  try {
    for (const [, c] of contenders) await timedRoundTrips(c, 500); // warm-up
    const n = Math.ceil(roundtrips / rounds);
    for (let r = 0; r < rounds; r++) for (const [name, c] of contenders) rt.get(name)?.push(await timedRoundTrips(c, n));
    console.log(`round trips: sequential validated TransactionEvent CALL→CALLRESULT over loopback, one CALL in flight, ${rounds} interleaved rounds of ${n}, median`);
  } finally {
    for (const [, c] of contenders) await c.close();
  }
  const m = (name: string): number => median(rt.get(name) ?? []);
  const [ours, rpc, lax, raw] = [m('ours'), m('ocpp-rpc'), m('ocpp-rpc-nonstrict'), m('raw-ws')];
  console.log(`rounds ours=${(rt.get('ours') ?? []).map(fmt).join(',')} ocpp-rpc=${(rt.get('ocpp-rpc') ?? []).map(fmt).join(',')} raw-ws=${(rt.get('raw-ws') ?? []).map(fmt).join(',')}`);
  console.log(`roundtrips/s ocpp-rpc-nonstrict=${fmt(lax)} ratio-nonstrict=${(ours / lax).toFixed(2)}`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared: absolute figures are noisy, ratios are what counts)`);
  const vo = median(v.ours);
  const vt = median(v.theirs);
  console.log(`validations/s ours=${fmt(vo)} ocpp-rpc=${fmt(vt)} ratio=${(vo / vt).toFixed(2)}`);
  console.log(`roundtrips/s ours=${fmt(ours)} ocpp-rpc=${fmt(rpc)} raw-ws=${fmt(raw)} ratio=${(ours / rpc).toFixed(2)} ratio-raw=${(ours / raw).toFixed(2)}`);
}

await main();
