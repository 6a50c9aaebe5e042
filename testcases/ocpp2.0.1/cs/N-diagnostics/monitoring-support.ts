/**
 * The monitoring cases of Part 6 §2.15 (N02–N07, SUT = charging station): SetVariableMonitoring with
 * its result entries judged field by field (in any order where Part 6 says so), GetMonitoringReport
 * with every NotifyMonitoringReport part of our requestId collected (seqNo 0, 1, … while tbc), the
 * OCTT "Configured …" values of these cases, and the clean-up that removes the monitors a case made.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(asObj).filter((x): x is JsonObject => x !== undefined) : []);

export interface MonitoringConfig {
  /** <Configured severity> (Part 6 expects 8 in several results). */
  severity: number;
  /** <Configured threshold monitor component variable>: a numeric variable that changes with the energy transfer. */
  thresholdComponent: string;
  thresholdVariable: string;
  /** <Configured threshold monitor value> (UpperThreshold / Delta, within the variable's limits). */
  thresholdValue: number;
  /** <Configured threshold monitor2 value> (LowerThreshold). */
  threshold2Value: number;
  /** A threshold above the variable's maxLimit (TC_N_13_CS). */
  outOfRangeThresholdValue: number;
  /** The interval of a Periodic monitor, seconds. */
  periodicIntervalS: number;
}

export function monitoringConfig(ctx: TestContext): MonitoringConfig {
  const extra = ctx.config.extra;
  const num = (name: string, fallback: number): number => {
    const v = extra[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback;
  };
  const text = (name: string, fallback: string): string => (typeof extra[name] === 'string' && extra[name] !== '' ? String(extra[name]) : fallback);
  return {
    severity: Math.round(num('monitoringSeverity', 8)),
    thresholdComponent: text('thresholdMonitorComponent', 'EVSE'),
    thresholdVariable: text('thresholdMonitorVariable', 'Power'),
    thresholdValue: num('thresholdMonitorValue', 100),
    threshold2Value: num('thresholdMonitor2Value', 10),
    outOfRangeThresholdValue: num('thresholdMonitorOutOfRangeValue', 1_000_000_000),
    // Follows the heartbeat interval: short in the demo, a minute on a lab bench.
    periodicIntervalS: Math.max(1, Math.round(num('periodicMonitorIntervalS', ctx.config.heartbeatIntervalS))),
  };
}

export interface MonitorTarget {
  component: string;
  evseId?: number;
  variable: string;
}

export function monitoringData(t: MonitorTarget, type: string, value: number, severity: number, extra: JsonObject = {}): JsonObject {
  return { ...extra, value, type, severity, component: { name: t.component, ...(t.evseId === undefined ? {} : { evse: { id: t.evseId } }) }, variable: { name: t.variable } };
}

/** Monitor ids a case created, cleared again by `clearCreated`. */
const created = new WeakMap<TestContext, Set<number>>();

/** SetVariableMonitoring: the result entries (the ids of Accepted ones are remembered for clean-up). */
export async function setMonitoring(ctx: TestContext, data: JsonObject[]): Promise<JsonObject[]> {
  const res = await ctx.callExpect('SetVariableMonitoring', { setMonitoringData: data });
  const results = list(res['setMonitoringResult']);
  const ids = created.get(ctx) ?? new Set<number>();
  created.set(ctx, ids);
  for (const r of results) if (r['status'] === 'Accepted' && typeof r['id'] === 'number') ids.add(r['id']);
  return results;
}

/** After the case: clear what it created (no verdict: the general preconditions of Part 6 §2.1). */
export async function clearCreated(ctx: TestContext): Promise<void> {
  const ids = [...(created.get(ctx) ?? [])];
  created.delete(ctx);
  if (ids.length > 0) await ctx.call('ClearVariableMonitoring', { id: ids }).catch(() => undefined);
}

export interface ExpectedResult {
  status: readonly string[];
  type: string;
  severity?: number;
  component: string;
  evseId?: number;
  variable: string;
  /** statusInfo absent or one of these reason codes ([]: Part 6 does not say, not judged). */
  reasonCodes?: readonly string[];
  /** Part 6 lists "id = <id of new monitor>" (the schema makes id optional, so only where listed). */
  idRequired?: boolean;
  idAbsent?: boolean;
}

const describeResult = (r: JsonObject): string => {
  const c = asObj(r['component']);
  const evse = asObj(c?.['evse']);
  return `${String(c?.['name'])}${evse ? `[${String(evse['id'])}]` : ''}.${String(asObj(r['variable'])?.['name'])} ${String(r['type'])}/${String(r['severity'])}: ${String(r['status'])}`;
};

/** The result entry for this component/variable/type (and severity), for "in arbitrary order". */
export function resultFor(results: readonly JsonObject[], want: Pick<ExpectedResult, 'type' | 'severity' | 'component' | 'variable'>, exclude: readonly JsonObject[] = []): JsonObject | undefined {
  return results.find(
    (r) =>
      !exclude.includes(r) &&
      r['type'] === want.type &&
      (want.severity === undefined || r['severity'] === want.severity) &&
      asObj(r['component'])?.['name'] === want.component &&
      asObj(r['variable'])?.['name'] === want.variable,
  );
}

/** Judge one setMonitoringResult entry as Part 6 lists it. */
export function checkResult(ctx: TestContext, label: string, r: JsonObject | undefined, want: ExpectedResult, step: number): void {
  ctx.check(`${label}: a result entry`, r !== undefined, { expected: `${want.component}.${want.variable} ${want.type}`, actual: r ? describeResult(r) : 'none', step });
  if (!r) return;
  ctx.check(`${label}: status`, want.status.includes(String(r['status'])), { expected: want.status.join(' or '), actual: r['status'] ?? 'absent', step });
  ctx.check(`${label}: type`, r['type'] === want.type, { expected: want.type, actual: r['type'] ?? 'absent', step });
  if (want.severity !== undefined) ctx.check(`${label}: severity`, r['severity'] === want.severity, { expected: want.severity, actual: r['severity'] ?? 'absent', step });
  const c = asObj(r['component']);
  ctx.check(`${label}: component.name`, c?.['name'] === want.component, { expected: want.component, actual: c?.['name'] ?? 'absent', step });
  if (want.evseId !== undefined) ctx.check(`${label}: component.evse.id`, asObj(c?.['evse'])?.['id'] === want.evseId, { expected: want.evseId, actual: asObj(c?.['evse'])?.['id'] ?? 'absent', step });
  ctx.check(`${label}: variable.name`, asObj(r['variable'])?.['name'] === want.variable, { expected: want.variable, actual: asObj(r['variable'])?.['name'] ?? 'absent', step });
  if (want.idRequired) ctx.check(`${label}: id of the new monitor`, typeof r['id'] === 'number', { expected: 'an id', actual: r['id'] ?? 'absent', step });
  if (want.idAbsent) ctx.check(`${label}: id absent`, r['id'] === undefined, { expected: 'absent', actual: r['id'] ?? 'absent', step });
  const info = asObj(r['statusInfo']);
  const codes = want.reasonCodes ?? (want.status.includes('Accepted') ? ['NoError'] : undefined);
  if (codes && codes.length > 0) ctx.check(`${label}: statusInfo`, info === undefined || codes.includes(String(info['reasonCode'])), { expected: `absent or reasonCode ${codes.join(' or ')}`, actual: info ?? 'absent', step });
}

/** One monitor as a NotifyMonitoringReport lists it. */
export interface ReportedMonitor {
  component: string;
  evseId?: number;
  variable: string;
  id?: number;
  type?: string;
  severity?: number;
  value?: number;
  frames: number[];
}

export const nameOfMonitor = (m: ReportedMonitor): string => `${m.component}${m.evseId === undefined ? '' : `[${m.evseId}]`}.${m.variable} ${m.type ?? '?'}/${m.severity ?? '?'} #${m.id ?? '?'}`;

export const newRequestId = (): number => Math.floor(Math.random() * 1_000_000) + 1;

/**
 * GetMonitoringReport: the response judged (status, statusInfo absent or a listed reason) at
 * `responseStep`; when Accepted every NotifyMonitoringReport of our requestId is collected (seqNo
 * from 0 up by one, generatedAt) at `reportStep`, and its monitors returned.
 */
export async function monitoringReport(
  ctx: TestContext,
  request: JsonObject,
  expect: { status: string; reasonCodes: readonly string[]; responseStep?: number; reportStep?: number },
): Promise<{ monitors: ReportedMonitor[]; requestId: number; parts: JsonObject[] }> {
  const requestId = newRequestId();
  const res = await ctx.callExpect('GetMonitoringReport', { requestId, ...request });
  const step = expect.responseStep === undefined ? {} : { step: expect.responseStep };
  ctx.check('GetMonitoringReportResponse status', res['status'] === expect.status, { expected: expect.status, actual: res['status'] ?? 'absent', ...step });
  const info = asObj(res['statusInfo']);
  // reasonCodes []: the case's document does not judge statusInfo here.
  if (expect.reasonCodes.length > 0) ctx.check('GetMonitoringReportResponse statusInfo', info === undefined || expect.reasonCodes.includes(String(info['reasonCode'])), { expected: `absent or reasonCode ${expect.reasonCodes.join(' or ')}`, actual: info ?? 'absent', ...step });
  const monitors: ReportedMonitor[] = [];
  const parts: JsonObject[] = [];
  if (res['status'] !== 'Accepted' || expect.reportStep === undefined) return { monitors, requestId, parts };
  const at = { step: expect.reportStep };
  for (let seqNo = 0; ; seqNo++) {
    const report = await ctx.expectCall('NotifyMonitoringReport', { match: { requestId }, describe: `NotifyMonitoringReport with requestId ${requestId}`, ...at });
    parts.push(report.payload);
    const frames = report.frameSeq === undefined ? [] : [report.frameSeq];
    ctx.check('NotifyMonitoringReport requestId', report.payload['requestId'] === requestId, { expected: requestId, actual: report.payload['requestId'] ?? 'absent', frames, ...at });
    ctx.check('NotifyMonitoringReport seqNo', report.payload['seqNo'] === seqNo, { expected: seqNo, actual: report.payload['seqNo'] ?? 'absent', frames, ...at });
    ctx.check('NotifyMonitoringReport generatedAt', typeof report.payload['generatedAt'] === 'string' && !Number.isNaN(Date.parse(String(report.payload['generatedAt']))), { expected: 'the time the station generated it', actual: report.payload['generatedAt'] ?? 'absent', frames, ...at });
    for (const entry of list(report.payload['monitor'])) {
      const c = asObj(entry['component']);
      const evse = asObj(c?.['evse']);
      for (const vm of list(entry['variableMonitoring'])) {
        monitors.push({
          component: String(c?.['name']),
          ...(typeof evse?.['id'] === 'number' ? { evseId: evse['id'] } : {}),
          variable: String(asObj(entry['variable'])?.['name']),
          ...(typeof vm['id'] === 'number' ? { id: vm['id'] } : {}),
          ...(typeof vm['type'] === 'string' ? { type: vm['type'] } : {}),
          ...(typeof vm['severity'] === 'number' ? { severity: vm['severity'] } : {}),
          ...(typeof vm['value'] === 'number' ? { value: vm['value'] } : {}),
          frames,
        });
      }
    }
    if (report.payload['tbc'] !== true) break;
  }
  return { monitors, requestId, parts };
}

/** A check over every reported monitor, naming the offenders. */
export function checkMonitors(ctx: TestContext, what: string, monitors: readonly ReportedMonitor[], bad: (m: ReportedMonitor) => boolean, expected: string, step: number): void {
  const offenders = monitors.filter(bad);
  ctx.check(what, offenders.length === 0, {
    expected,
    actual: offenders.length === 0 ? `all ${monitors.length} as expected` : offenders.slice(0, 8).map(nameOfMonitor).join('; '),
    frames: [...new Set(offenders.flatMap((m) => m.frames))].slice(0, 20),
    step,
  });
}

/** Whether a monitor of this type is reported on the component/variable (any evse when none is given). */
export function reported(monitors: readonly ReportedMonitor[], t: MonitorTarget, type?: string): ReportedMonitor[] {
  return monitors.filter((m) => m.component === t.component && m.variable === t.variable && (t.evseId === undefined || m.evseId === t.evseId) && (type === undefined || m.type === type));
}

/** The monitors the station reports for a request, without a verdict (Preparations). */
export async function readMonitors(ctx: TestContext, request: JsonObject): Promise<ReportedMonitor[]> {
  const requestId = newRequestId();
  const res = await ctx.callExpect('GetMonitoringReport', { requestId, ...request });
  const have: ReportedMonitor[] = [];
  if (res['status'] !== 'Accepted') return have;
  for (;;) {
    const r = await ctx.expectCall('NotifyMonitoringReport', { match: { requestId }, describe: `NotifyMonitoringReport with requestId ${requestId}` });
    const frames = r.frameSeq === undefined ? [] : [r.frameSeq];
    for (const entry of list(r.payload['monitor'])) {
      const c = asObj(entry['component']);
      const evse = asObj(c?.['evse']);
      for (const vm of list(entry['variableMonitoring'])) {
        have.push({
          component: String(c?.['name']),
          ...(typeof evse?.['id'] === 'number' ? { evseId: evse['id'] } : {}),
          variable: String(asObj(entry['variable'])?.['name']),
          ...(typeof vm['id'] === 'number' ? { id: vm['id'] } : {}),
          ...(typeof vm['type'] === 'string' ? { type: vm['type'] } : {}),
          ...(typeof vm['severity'] === 'number' ? { severity: vm['severity'] } : {}),
          frames,
        });
      }
    }
    if (r.payload['tbc'] !== true) break;
  }
  return have;
}

export const cvOf = (t: MonitorTarget): JsonObject => ({ component: { name: t.component, ...(t.evseId === undefined ? {} : { evse: { id: t.evseId } }) }, variable: { name: t.variable } });

/** Make sure a Delta monitor exists on each target (Part 6: hard-wired, pre-configured "or configured by CSMS"). */
export async function ensureDeltaMonitors(ctx: TestContext, targets: readonly MonitorTarget[]): Promise<void> {
  await ctx.step('Preparation: a Delta monitor on each component/variable (set by us when the station has none)', async () => {
    const have = await readMonitors(ctx, { monitoringCriteria: ['DeltaMonitoring'], componentVariable: targets.map(cvOf) });
    const missing = targets.filter((t) => reported(have, t, 'Delta').length === 0);
    if (missing.length === 0) return;
    const cfg = monitoringConfig(ctx);
    const results = await setMonitoring(ctx, missing.map((t) => monitoringData(t, 'Delta', 1, cfg.severity)));
    if (results.some((r) => r['status'] !== 'Accepted')) ctx.inconclusive(`could not install the Delta monitors the case needs: ${results.map(describeResult).join('; ')}`);
  });
}
