/**
 * The frame fuzzer of issue #12, shared by the suite (test/fuzz/pipeline.test.ts, 10^5 frames)
 * and the long run (scripts/fuzz.ts): seeded structural and textual mutations of real frames,
 * each pushed through what the harness does with a peer's text — parse → validate (schema and
 * format) → redact → wire log → journal compaction → report rendering (labels, JSON, JUnit,
 * HTML, trace). A crash is any exception; the count is the result. Reports are rendered per
 * batch, in memory, so the run stays fast and writes nothing to disk.
 */
import fc from 'fast-check';
import { compactPayload } from '../../src/engine/journal.js';
import { summarise, type CaseResult, type RunResult, type TraceFrame } from '../../src/engine/run-model.js';
import { checkMessage } from '../../src/protocol/checks.js';
import { parseFrame, MessageType } from '../../src/protocol/frames.js';
import { createSecretRedactor, redactFrameText } from '../../src/protocol/redact.js';
import { builtinSchemaSet } from '../../src/protocol/schemas.js';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { textDepthExceeds } from '../../src/protocol/walk.js';
import { labelFrames } from '../../src/reporters/frames.js';
import { renderHtml } from '../../src/reporters/html.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderTrace } from '../../src/reporters/traces.js';
import { WireLog } from '../../src/transport/wire-log.js';

const corpus: ReadonlyArray<readonly [OcppVersion, string]> = [
  ['2.0.1', '[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]'],
  ['2.0.1', '[2,"s1","StatusNotification",{"timestamp":"2024-01-01T00:00:00.000Z","connectorStatus":"Available","evseId":1,"connectorId":1}]'],
  ['2.0.1', '[2,"d1","DataTransfer",{"vendorId":"x","data":{"key":"AuthorizationKey","value":"0011223344556677","password":"hunter22"}}]'],
  ['2.0.1', '[3,"v1",{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"Secret-PW-1","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}]'],
  ['2.0.1', '[2,"t1","TransactionEvent",{"eventType":"Started","timestamp":"2024-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"T1"},"meterValue":[{"timestamp":"2024-01-01T00:00:00Z","sampledValue":[{"value":1.5}]}]}]'],
  ['2.0.1', '[4,"e1","FormatViolation","bad",{"detail":"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"}]'],
  ['1.6', '[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"00112233445566778899"}]'],
  ['1.6', '[2,"m1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2024-01-01T00:00:00Z","sampledValue":[{"value":"10","unit":"Celcius"}]}]}]'],
  ['2.1', '[6,"n1","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2024-01-01T00:00:00Z","data":[{"t":1,"v":"1"}]}]'],
];

type Mutation = { version: OcppVersion; text: string };

const pick = fc.integer({ min: 0, max: corpus.length - 1 });

/** Any UTF-16 text, lone surrogates and control characters included (fc.string's character tables were the slowest part). */
const text = (maxLength: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** Cheap arbitrary JSON (fc.jsonValue is thorough but its key bookkeeping dominated the run time). */
const scalar = fc.oneof(fc.integer(), fc.double(), text(10), fc.boolean(), fc.constant(null), fc.constantFrom('AuthorizationKey', 'password', '-----BEGIN PRIVATE KEY-----', '2024-13-01T00:00:00Z', 'x'.repeat(40)));
const json: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  fc.array(scalar, { maxLength: 4 }),
  fc.tuple(fc.constantFrom('key', 'value', 'password', 'data', 'evseId', 'timestamp', 'component', 'variable', ''), scalar).map(([k, v]) => ({ [k]: v })),
  fc.tuple(scalar, scalar).map(([a, b]) => ({ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: a, value: b })),
);

/** Replace a random node of a parsed corpus frame with arbitrary JSON. */
const structural: fc.Arbitrary<Mutation> = fc.tuple(pick, fc.nat(), json).map(([i, where, replacement]) => {
  const [version, text] = corpus[i]!;
  const root = JSON.parse(text) as unknown;
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((c, k) => (nodes.push({ parent: v, key: k }), stack.push(c)));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) nodes.push({ parent: v as Record<string, unknown>, key: k }), stack.push(c);
  }
  const n = nodes[where % nodes.length]!;
  if (Array.isArray(n.parent)) n.parent[n.key as number] = replacement;
  else n.parent[n.key as string] = replacement;
  return { version, text: JSON.stringify(root) };
});

/** Cut, splice or corrupt the text of a corpus frame. */
const textual: fc.Arbitrary<Mutation> = fc.tuple(pick, fc.nat(), fc.nat(), text(12)).map(([i, a, b, insert]) => {
  const [version, text] = corpus[i]!;
  const at = a % (text.length + 1);
  const cut = b % 8;
  return { version, text: `${text.slice(0, at)}${insert}${text.slice(Math.min(text.length, at + cut))}` };
});

/** A secret wrapped hundreds to thousands of levels deep (issue #12 defect 1). */
const deep: fc.Arbitrary<Mutation> = fc.tuple(fc.integer({ min: 200, max: 6000 }), fc.constantFrom('{"key":1}', '{"password":"deep-pw-1"}', '"Secret-PW-1"', '{"key":"AuthorizationKey","value":"001122"}'), fc.boolean()).map(([depth, inner, close]) => ({
  version: '2.0.1' as const,
  text: `[2,"x","DataTransfer",{"vendorId":"x","data":${'['.repeat(depth)}${inner}${close ? ']'.repeat(depth) : ''}}]`,
}));

/** Envelope damage: wrong type ids, odd message ids, extra or missing elements. */
const envelope: fc.Arbitrary<Mutation> = fc.tuple(fc.oneof(fc.constantFrom(2, 3, 4, 5, 6, 7, 0), scalar), fc.oneof(text(60), scalar), fc.constantFrom('Heartbeat', 'BootNotification', 'Nope', ''), json).map(([type, id, action, payload]) => ({
  version: '2.0.1' as const,
  text: JSON.stringify([type, id, action, payload]),
}));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof({ arbitrary: structural, weight: 4 }, { arbitrary: textual, weight: 4 }, { arbitrary: envelope, weight: 2 }, { arbitrary: deep, weight: 1 });

export interface FuzzResult {
  frames: number;
  crashes: number;
  /** The first few crashes: the frame (cut) and the error. */
  examples: Array<{ text: string; error: string }>;
}


function runModel(trace: TraceFrame[], index: number): RunResult {
  const test: CaseResult = {
    id: `TC_FUZZ_${index}`,
    title: 'fuzz batch',
    block: 'B',
    version: '2.0.1',
    sut: 'cs',
    certification: [{ profile: 'Core', need: 'M' }],
    applicability: { applies: true, reason: 'fuzz' },
    verdict: 'fail',
    message: 'fuzz',
    startedAt: '2024-01-01T00:00:00.000Z',
    durationMs: 1,
    steps: [],
    findings: [],
    warnings: [],
    trace,
  };
  return {
    tool: { name: 'ocpp-conform', version: 'fuzz' },
    startedAt: '2024-01-01T00:00:00.000Z',
    version: '2.0.1',
    sut: 'cs',
    dut: {},
    securityProfile: 0,
    dutAdapter: 'fuzz',
    pics: {},
    config: {},
    selection: {},
    partial: false,
    interrupted: false,
    tests: [test],
    summary: summarise([test]),
  };
}

/** One frame through the pipeline up to the wire log; throws what the harness would have thrown. */
function judge(m: Mutation, log: WireLog): void {
  textDepthExceeds(m.text);
  redactFrameText(m.text);
  log.record({ kind: 'frame', connectionId: 'c1', direction: 'in', text: m.text, encoding: 'utf8' });
  const parsed = parseFrame(m.text, m.version);
  if (!parsed.ok) return;
  const f = parsed.frame;
  if (f.type === MessageType.CALL || f.type === MessageType.SEND) {
    checkMessage({ set: builtinSchemaSet(m.version), version: m.version, action: f.action, kind: 'request', payload: f.payload });
    compactPayload(f.payload, 512);
  } else if (f.type === MessageType.CALLRESULT) {
    compactPayload(f.payload, 512);
  }
}

/** Run `frames` mutations from `seed`, rendering every report format once per `batch` frames. */
export function fuzzFrames(options: { frames: number; seed: number; batch?: number }): FuzzResult {
  const batch = options.batch ?? 2000;
  const result: FuzzResult = { frames: 0, crashes: 0, examples: [] };
  const crash = (text: string, err: unknown): void => {
    result.crashes += 1;
    if (result.examples.length < 5) result.examples.push({ text: text.slice(0, 300), error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  };
  for (let b = 0; result.frames < options.frames; b++) {
    const n = Math.min(batch, options.frames - result.frames);
    const mutations = fc.sample(mutationArb, { seed: options.seed + b, numRuns: n });
    // One redactor per batch, as per run: it learns every secret it masks.
    const redactor = createSecretRedactor(['Secret-PW-1']);
    const log = new WireLog({ redact: redactor.frame, maxStoredFrameBytes: 4096 });
    for (const m of mutations) {
      try {
        judge(m, log);
      } catch (err) {
        crash(m.text, err);
      }
    }
    result.frames += n;
    const trace = log.entries().flatMap((e) => (e.kind === 'frame' ? [{ seq: e.seq, connectionId: e.connectionId, direction: e.direction, wallTime: e.wallTime, relMs: e.monoMs, text: e.text, ...(e.stored ? { stored: e.stored } : {}) }] : []));
    try {
      const run = runModel(trace, b);
      labelFrames(trace);
      renderJson(run);
      renderJunit(run);
      renderTrace(run.tests[0]!);
      // HTML is the slowest view: render it for a slice of each batch.
      renderHtml(runModel(trace.slice(0, 200), b));
      log.toJsonLines();
    } catch (err) {
      crash(`batch ${b}`, err);
    }
  }
  return result;
}
