/**
 * Support for the K cases (SUT = charging station): the OCTT "Configured …" values of block K,
 * charging profiles built as Part 6 describes them, SetChargingProfile / GetChargingProfiles (with
 * every ReportChargingProfiles up to tbc false) / GetCompositeSchedule / ClearChargingProfile, and
 * the composite check against the shared engine (the DUT's scheduleStart is "now"; boundaries may
 * sit up to the configured max time deviation away, Part 6's "x").
 */
import { chargingSchedule, type JsonObject, type ObservedCall, type TestContext } from '../../../../src/engine/authoring.js';

export interface KConfig {
  evseId: number;
  /** <Configured chargingProfileId>. */
  profileId: number;
  /** <Configured chargingRateUnit>. */
  unit: 'A' | 'W';
  /** <Configured numberPhases>. */
  numberPhases: number;
  /** <Configured duration>, seconds. */
  durationS: number;
  /** <Configured stackLevel>. */
  stackLevel: number;
  /** <Configured chargingProfilePurpose> (clear / get cases). */
  purpose: string;
  /** <Configured max time deviation>, seconds. */
  maxTimeDeviationS: number;
  /** <Configured RecurrencyKind>. */
  recurrencyKind: 'Daily' | 'Weekly';
  /** <Configured chargingLimitSource2>: a source without profiles. */
  limitSource2: string;
}

export function kConfig(ctx: TestContext): KConfig {
  const extra = ctx.config.extra;
  const num = (name: string, fallback: number): number => {
    const x = extra[name];
    return typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : fallback;
  };
  const str = (name: string, fallback: string): string => (typeof extra[name] === 'string' && extra[name] !== '' ? (extra[name]) : fallback);
  return {
    evseId: ctx.config.evseId,
    profileId: num('chargingProfileId', 1),
    unit: str('chargingRateUnit', 'A') === 'W' ? 'W' : 'A',
    numberPhases: num('numberPhases', 3),
    durationS: num('chargingProfileDurationS', 300),
    stackLevel: num('stackLevel', 0),
    purpose: str('chargingProfilePurpose', 'TxDefaultProfile'),
    maxTimeDeviationS: num('maxTimeDeviationS', 5),
    recurrencyKind: str('recurrencyKind', 'Daily') === 'Weekly' ? 'Weekly' : 'Daily',
    limitSource2: str('chargingLimitSource2', 'EMS'),
  };
}

/** Part 6: "if unit is A then n(A) else n*1000(W)". */
export const limitOf = (k: KConfig, amps: number): number => (k.unit === 'A' ? amps : amps * 1000);

export const isoAt = (ctx: TestContext, offsetS: number): string => new Date(Math.round(ctx.clock.wallMs() / 1000 + offsetS) * 1000).toISOString().replace('.000Z', 'Z');

export interface ProfileSpec {
  id: number;
  purpose: string;
  kind?: 'Absolute' | 'Relative' | 'Recurring';
  stackLevel?: number;
  /** [startPeriod, limit in A (scaled to W by limitOf)]. */
  periods: Array<[number, number]>;
  durationS?: number;
  startSchedule?: string;
  validFrom?: string;
  validTo?: string;
  transactionId?: string;
  recurrencyKind?: string;
}

/** A ChargingProfileType from a spec; an Absolute / Recurring one without startSchedule starts now. */
export function profile(ctx: TestContext, k: KConfig, s: ProfileSpec): JsonObject {
  const kind = s.kind ?? 'Absolute';
  const startSchedule = s.startSchedule ?? (kind === 'Relative' ? undefined : isoAt(ctx, 0));
  return {
    id: s.id,
    stackLevel: s.stackLevel ?? 0,
    chargingProfilePurpose: s.purpose,
    chargingProfileKind: kind,
    ...(s.recurrencyKind === undefined ? {} : { recurrencyKind: s.recurrencyKind }),
    ...(s.validFrom === undefined ? {} : { validFrom: s.validFrom }),
    ...(s.validTo === undefined ? {} : { validTo: s.validTo }),
    ...(s.transactionId === undefined ? {} : { transactionId: s.transactionId }),
    chargingSchedule: [
      {
        id: s.id,
        ...(startSchedule === undefined ? {} : { startSchedule }),
        ...(s.durationS === undefined ? {} : { duration: s.durationS }),
        chargingRateUnit: k.unit,
        chargingSchedulePeriod: s.periods.map(([startPeriod, amps]) => ({ startPeriod, limit: limitOf(k, amps), numberPhases: k.numberPhases })),
      },
    ],
  };
}

export function framesOf(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

export interface Answer {
  ok: boolean;
  payload: JsonObject;
  text: string;
  frames: number[];
}

/** Send a CALL; the answer with its status in words (CALLERROR / timeout too). */
export async function send(ctx: TestContext, action: string, payload: JsonObject): Promise<Answer> {
  const res = await ctx.call(action, payload);
  const frames = framesOf(ctx, res.messageId);
  if (res.status === 'result') return { ok: true, payload: res.payload, text: `status ${JSON.stringify(res.payload['status'] ?? 'absent')}`, frames };
  return { ok: false, payload: {}, text: res.status === 'error' ? `CALLERROR ${String(res.errorCode)}` : res.status, frames };
}

export function checkStatus(ctx: TestContext, what: string, a: Answer, expected: string, step: number): boolean {
  const ok = a.ok && a.payload['status'] === expected;
  ctx.check(`${what} status`, ok, { expected, actual: a.text, frames: a.frames, step });
  return ok;
}

export async function setProfile(ctx: TestContext, evseId: number, chargingProfile: JsonObject, expected: string, step: number): Promise<boolean> {
  const a = await send(ctx, 'SetChargingProfile', { evseId, chargingProfile });
  return checkStatus(ctx, 'SetChargingProfileResponse', a, expected, step);
}

/** A Memory State profile: installed without a verdict on the tested steps; inconclusive when refused. */
export async function install(ctx: TestContext, evseId: number, chargingProfile: JsonObject): Promise<void> {
  const a = await send(ctx, 'SetChargingProfile', { evseId, chargingProfile });
  if (!a.ok || a.payload['status'] !== 'Accepted') ctx.inconclusive(`the station refused the prerequisite charging profile ${String(chargingProfile['id'])} (${a.text})`);
}

let requestIds = 1000;

export interface Reported {
  readonly evseId: unknown;
  readonly profile: JsonObject;
  readonly call: ObservedCall;
}

/**
 * GetChargingProfiles with a generated requestId: the answer (status checked at `step`), then,
 * when Accepted, every ReportChargingProfiles of that requestId until one says tbc false (Part 6
 * note: steps repeat while tbc is true). `reportStep` gets the check that the reports came.
 */
export async function getProfiles(ctx: TestContext, payload: JsonObject, expected: 'Accepted' | 'NoProfiles', step: number, reportStep?: number): Promise<{ requestId: number; reports: Reported[] }> {
  const requestId = requestIds++;
  const from = ctx.journal().length === 0 ? 0 : (ctx.journal().at(-1)?.index ?? 0) + 1;
  const a = await send(ctx, 'GetChargingProfiles', { requestId, ...payload });
  const accepted = checkStatus(ctx, 'GetChargingProfilesResponse', a, expected, step);
  const reports: Reported[] = [];
  if (!accepted || expected !== 'Accepted' || reportStep === undefined) return { requestId, reports };
  let at = from;
  for (;;) {
    const r = await ctx.expectCall('ReportChargingProfiles', { from: at, match: (p) => p['requestId'] === requestId, describe: `ReportChargingProfiles with requestId ${requestId}`, step: reportStep });
    const list = Array.isArray(r.payload['chargingProfile']) ? (r.payload['chargingProfile'] as JsonObject[]) : [];
    for (const p of list) reports.push({ evseId: r.payload['evseId'], profile: p, call: r });
    at = r.index + 1;
    if (r.payload['tbc'] !== true) break;
  }
  return { requestId, reports };
}

export const reportFrames = (reports: readonly Reported[]): number[] => [...new Set(reports.flatMap((r) => (r.call.frameSeq === undefined ? [] : [r.call.frameSeq])))];

/** Part 2 ChargingSchedulePeriodType.numberPhases: when absent, 3 phases are assumed. */
function phasesSpelled(p: ReturnType<typeof chargingSchedule.profileFromJson>): typeof p {
  if (!p) return p;
  const periods = p.schedule.chargingSchedulePeriod.map((x) => ({ startPeriod: x.startPeriod, limit: x.limit, numberPhases: x.numberPhases ?? 3, ...(x.phaseToUse === undefined ? {} : { phaseToUse: x.phaseToUse }) }));
  return { ...p, schedule: { ...p.schedule, chargingSchedulePeriod: periods } };
}

/** Same profile in meaning (times compared as instants, numbers as numbers, an absent numberPhases as 3; customData and schedule ids aside). */
export function sameProfile(sent: JsonObject, reported: JsonObject): boolean {
  const a = phasesSpelled(chargingSchedule.profileFromJson(sent));
  const b = phasesSpelled(chargingSchedule.profileFromJson(reported));
  const txA = sent['transactionId'];
  const txB = reported['transactionId'];
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b) && txA === txB;
}

/** Part 6 "chargingProfile <the profile set>": a report holds it (same id and content), on the EVSE it was set on. */
export function checkReported(ctx: TestContext, reports: readonly Reported[], sent: JsonObject, evseId: number, step: number): void {
  const hit = reports.filter((r) => r.profile['id'] === sent['id']);
  const ok = hit.length === 1 && sameProfile(sent, hit[0]?.profile ?? {}) && hit[0]?.evseId === evseId;
  ctx.check(`ReportChargingProfiles holds profile ${String(sent['id'])} as set, on evseId ${evseId}`, ok, {
    expected: `one profile id ${String(sent['id'])} on evseId ${evseId}, same content as sent`,
    actual: hit.length === 0 ? `reported ids: ${reports.map((r) => String(r.profile['id'])).join(', ') || 'none'}` : hit.map((r) => `evseId ${String(r.evseId)}: ${JSON.stringify(r.profile)}`).join('; '),
    frames: reportFrames(reports),
    step,
  });
}

export async function getComposite(ctx: TestContext, evseId: number, durationS: number, unit: string): Promise<Answer> {
  return send(ctx, 'GetCompositeSchedule', { evseId, duration: durationS, chargingRateUnit: unit });
}

/**
 * A GetCompositeScheduleResponse against the engine: status Accepted, evseId, duration and
 * chargingRateUnit as asked, and period by period the limits the installed profiles give from
 * the DUT's scheduleStart (stretches no profile limits: the station's local limit, not judged).
 */
export function checkComposite(ctx: TestContext, k: KConfig, a: Answer, o: { evseId: number; durationS: number; installed: Array<{ evseId: number; raw: JsonObject }>; step: number; txStartS?: number }): chargingSchedule.CompositeSchedule | undefined {
  if (!checkStatus(ctx, 'GetCompositeScheduleResponse', a, 'Accepted', o.step)) return undefined;
  const s = a.payload['schedule'] as JsonObject | undefined;
  const f = { frames: a.frames, step: o.step };
  ctx.check('schedule.evseId', s?.['evseId'] === o.evseId, { expected: o.evseId, actual: s?.['evseId'] ?? 'absent', ...f });
  ctx.check('schedule.duration', s?.['duration'] === o.durationS, { expected: o.durationS, actual: s?.['duration'] ?? 'absent', ...f });
  ctx.check('schedule.chargingRateUnit', s?.['chargingRateUnit'] === k.unit, { expected: k.unit, actual: s?.['chargingRateUnit'] ?? 'absent', ...f });
  const actual = chargingSchedule.compositeFromJson(s);
  if (!actual) {
    ctx.check('schedule readable as a composite schedule', false, { expected: 'scheduleStart and chargingSchedulePeriod', actual: JSON.stringify(s ?? null), ...f });
    return undefined;
  }
  const profiles = o.installed.flatMap((p) => {
    const x = chargingSchedule.profileFromJson(p.raw, p.evseId);
    return x ? [x] : [];
  });
  const nowS = actual.scheduleStart;
  const expected = chargingSchedule.compositeSchedule(profiles, o.durationS, k.unit, { nowS, voltageV: 230, ...(o.txStartS === undefined ? {} : { txStartS: o.txStartS }) });
  const r = chargingSchedule.compareComposite(expected, actual, { timeToleranceS: Math.max(ctx.toleranceMs / 1000, k.maxTimeDeviationS), limitTolerance: k.unit === 'A' ? 0.1 : 1 });
  const want = expected.chargingSchedulePeriod.map((p) => `${p.startPeriod}s: ${p.limit === null ? 'local limit' : String(p.limit)}`).join(', ');
  ctx.check('composite schedule period by period (engine)', r.ok, { expected: want, actual: r.ok ? JSON.stringify(s?.['chargingSchedulePeriod']) : r.issues.join('; '), ...f });
  return actual;
}

/** Part 6 §2.1: leave no profile behind (no verdict on the answers). */
export async function clearIds(ctx: TestContext, ids: readonly number[]): Promise<void> {
  for (const id of ids) await ctx.call('ClearChargingProfile', { chargingProfileId: id });
}

/** Part 5 4.5: the K cases are in Smart Charging and ISO 15118 Support. */
export const smartChargingM = [
  { profile: 'Smart Charging', need: 'M' as const },
  { profile: 'ISO 15118 Support', need: 'M' as const },
];

/** Reusable state EnergyTransferStarted on the configured EVSE; the transactionId the station gave it. */
export async function transactionStarted(ctx: TestContext, evseId: number, transactionIdOf: (ctx: TestContext, evseId: number) => string | undefined): Promise<string> {
  await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  const id = transactionIdOf(ctx, evseId);
  if (id === undefined) ctx.inconclusive('EnergyTransferStarted left no transactionId for the EVSE');
  return id;
}
