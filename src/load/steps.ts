/**
 * Load-mode scenario steps (issue #14): what one virtual station does against a CSMS under
 * load — boot, heartbeat, authorize, a whole transaction, any CALL. Every CALL goes through our
 * session layer, so each CSMS answer is schema- and format-checked like in a conformance run: a
 * step passes only when every CALL got a CALLRESULT without error findings (and, for boot and
 * authorize, an Accepted status). Timings are per message (CALL → answer on the wire).
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../protocol/frames.js';
import type { CallOutcome, OcppEndpoint } from '../session/endpoint.js';

export type LoadVersion = '1.6' | '2.0.1';

/** The harness's default configured idToken (src/engine/configured-values.ts), which `sim csms` accepts. */
export const defaultLoadIdToken = '04A1B2C3D4E5F6';

/** One scenario step, as written in a scenario file (YAML or JSON). */
export type LoadStep =
  | { boot: Record<string, unknown> | null }
  | { heartbeat: Record<string, unknown> | null }
  | { authorize: { idToken?: string } | null }
  | { transaction: { idToken?: string; meterValues?: number; evseId?: number } | null }
  | { call: { action: string; payload?: JsonObject } }
  | { think: number };

export const stepKinds = ['boot', 'heartbeat', 'authorize', 'transaction', 'call', 'think'] as const;
export type StepKind = (typeof stepKinds)[number];

/** What a step reports: each CALL's time by action, and whether the step passed (with why not). */
export interface StepOutcome {
  kind: StepKind;
  ok: boolean;
  why?: string;
  messages: Array<{ action: string; ms: number; ok: boolean }>;
}

export function kindOf(step: LoadStep): StepKind {
  const kind = stepKinds.find((k) => k in step);
  if (kind === undefined) throw new Error(`unknown load step ${JSON.stringify(step)}: expected one of ${stepKinds.join(', ')}`);
  return kind;
}

const now = (): string => new Date().toISOString();

class StepRun {
  readonly messages: StepOutcome['messages'] = [];
  failure: string | undefined;
  constructor(private readonly endpoint: OcppEndpoint) {}

  /** One CALL; a CALLERROR, timeout, closed socket or an error finding on the answer fails the step. */
  async call(action: string, payload: JsonObject): Promise<JsonObject | undefined> {
    const started = performance.now();
    const out: CallOutcome = await this.endpoint.call(action, payload);
    const ms = performance.now() - started;
    const bad = out.status !== 'result' ? describe(out) : out.findings.find((f) => f.severity === 'error')?.message;
    this.messages.push({ action, ms, ok: bad === undefined });
    if (bad !== undefined) {
      this.failure ??= `${action}: ${bad}`;
      return undefined;
    }
    return out.status === 'result' ? out.payload : undefined;
  }

  expect(action: string, ok: boolean, what: string): void {
    if (!ok) this.failure ??= `${action}: ${what}`;
  }
}

function describe(out: CallOutcome): string {
  switch (out.status) {
    case 'error':
      return `CALLERROR ${out.errorCode} ${out.errorDescription}`.trim();
    case 'timeout':
      return `no answer within ${Math.round(out.waitedMs)} ms`;
    case 'closed':
      return 'the connection closed before the answer';
    default:
      return '';
  }
}

const statusOf = (payload: JsonObject | undefined, path: readonly string[]): unknown => {
  let node: unknown = payload;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
};

/** Run one step on an open endpoint of `version`. Never throws for a CSMS misbehaving: that is a failed step. */
export async function runStep(endpoint: OcppEndpoint, version: LoadVersion, step: LoadStep, signal?: AbortSignal): Promise<StepOutcome> {
  const kind = kindOf(step);
  const run = new StepRun(endpoint);
  const v16 = version === '1.6';
  switch (kind) {
    case 'boot': {
      const answer = v16
        ? await run.call('BootNotification', { chargePointVendor: 'ocpp-conform', chargePointModel: 'load' })
        : await run.call('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'ocpp-conform', model: 'load' } });
      if (answer) run.expect('BootNotification', answer.status === 'Accepted', `status ${String(answer.status)}, not Accepted`);
      break;
    }
    case 'heartbeat':
      await run.call('Heartbeat', {});
      break;
    case 'authorize': {
      const idToken = (step as { authorize: { idToken?: string } | null }).authorize?.idToken ?? defaultLoadIdToken;
      const answer = v16 ? await run.call('Authorize', { idTag: idToken }) : await run.call('Authorize', { idToken: { idToken, type: 'ISO14443' } });
      const status = v16 ? statusOf(answer, ['idTagInfo', 'status']) : statusOf(answer, ['idTokenInfo', 'status']);
      if (answer) run.expect('Authorize', status === 'Accepted', `status ${String(status)}, not Accepted`);
      break;
    }
    case 'transaction':
      await transaction(run, v16, (step as { transaction: { idToken?: string; meterValues?: number; evseId?: number } | null }).transaction ?? {});
      break;
    case 'call': {
      const { action, payload } = (step as { call: { action: string; payload?: JsonObject } }).call;
      await run.call(action, payload ?? {});
      break;
    }
    case 'think': {
      const ms = (step as { think: number }).think * 1000;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
      break;
    }
  }
  return { kind, ok: run.failure === undefined, ...(run.failure === undefined ? {} : { why: run.failure }), messages: run.messages };
}

/**
 * A whole transaction, the messages a station sends for one charging session: 1.6 Authorize,
 * StatusNotification Preparing → Charging, StartTransaction, MeterValues ×n, StopTransaction,
 * StatusNotification Available (1.6 edition 2 §3.6, §4.8, §4.10); 2.0.1 Authorize, StatusNotification
 * Occupied, TransactionEvent Started → Updated ×n → Ended, StatusNotification Available (Part 2 E01, E06).
 */
async function transaction(run: StepRun, v16: boolean, options: { idToken?: string; meterValues?: number; evseId?: number }): Promise<void> {
  const idToken = options.idToken ?? defaultLoadIdToken;
  const evseId = options.evseId ?? 1;
  const samples = options.meterValues ?? 2;
  const meter = (wh: number): JsonObject => ({ timestamp: now(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' }] });
  if (v16) {
    const meter16 = (wh: number): JsonObject => ({ timestamp: now(), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] });
    const status = (s: string): JsonObject => ({ connectorId: evseId, errorCode: 'NoError', status: s, timestamp: now() });
    await run.call('Authorize', { idTag: idToken });
    await run.call('StatusNotification', status('Preparing'));
    const started = await run.call('StartTransaction', { connectorId: evseId, idTag: idToken, meterStart: 0, timestamp: now() });
    const transactionId = statusOf(started, ['transactionId']);
    if (started) run.expect('StartTransaction', typeof transactionId === 'number', 'no transactionId in the answer');
    if (typeof transactionId !== 'number') return;
    await run.call('StatusNotification', status('Charging'));
    for (let i = 1; i <= samples; i++) await run.call('MeterValues', { connectorId: evseId, transactionId, meterValue: [meter16(i * 100)] });
    await run.call('StopTransaction', { transactionId, meterStop: (samples + 1) * 100, timestamp: now(), reason: 'Local' });
    await run.call('StatusNotification', status('Available'));
    return;
  }
  const transactionId = randomUUID().slice(0, 36);
  const event = (eventType: string, seqNo: number, triggerReason: string, extra: JsonObject = {}): JsonObject => ({
    eventType, timestamp: now(), triggerReason, seqNo, transactionInfo: { transactionId }, ...extra,
  });
  const status = (s: string): JsonObject => ({ timestamp: now(), connectorStatus: s, evseId, connectorId: 1 });
  await run.call('Authorize', { idToken: { idToken, type: 'ISO14443' } });
  await run.call('StatusNotification', status('Occupied'));
  await run.call('TransactionEvent', event('Started', 0, 'Authorized', { idToken: { idToken, type: 'ISO14443' }, evse: { id: evseId, connectorId: 1 }, meterValue: [meter(0)] }));
  for (let i = 1; i <= samples; i++) await run.call('TransactionEvent', event('Updated', i, 'MeterValuePeriodic', { meterValue: [meter(i * 100)] }));
  await run.call('TransactionEvent', event('Ended', samples + 1, 'StopAuthorized', { transactionInfo: { transactionId, stoppedReason: 'Local' }, meterValue: [meter((samples + 1) * 100)] }));
  await run.call('StatusNotification', status('Available'));
}
