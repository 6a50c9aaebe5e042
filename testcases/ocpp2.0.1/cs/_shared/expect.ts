/**
 * Expectations and settings shared by the 2.0.1 `_CS` states and cases: connector status by
 * StatusNotification or NotifyEvent (Part 6 allows both), TransactionEvent checks, the
 * TxStartPoint / TxStopPoint settings read from the station, and `prepareVariables` (Part 6
 * "Before: Configuration State": read, then set what differs, so the restore can put it back).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import type { CallInEntry, IdTokenParam } from './journal.js';
import { frames, num, obj, statusReports, str } from './journal.js';

// ---- expectations shared by states and cases -------------------------------------------------

/**
 * Wait for the station to report `status` for the connector, by StatusNotification or by NotifyEvent
 * (component Connector, variable AvailabilityState), searching from `from` (default: the cursor).
 */
export async function expectConnectorStatus(
  ctx: TestContext,
  status: string,
  where: { evseId: number; connectorId?: number },
  options: { from?: number; withinMs?: number; step?: number } = {},
): Promise<ObservedCall> {
  const from = options.from ?? ctx.cursor();
  const windowMs = options.withinMs ?? ctx.config.messageTimeoutMs;
  const deadline = ctx.clock.monoMs() + windowMs;
  const fits = (r: { evseId: number; connectorId: number; status: string }): boolean =>
    r.status === status && r.evseId === where.evseId && (where.connectorId === undefined ? r.connectorId !== 0 : r.connectorId === where.connectorId);
  const where_ = `evseId ${where.evseId}${where.connectorId === undefined ? '' : `, connectorId ${where.connectorId}`}`;
  const describe = `connectorStatus ${status} for ${where_} (StatusNotification, or NotifyEvent Connector.AvailabilityState)`;
  for (;;) {
    const hit = statusReports(ctx.journal().filter((e) => e.index >= from)).find(fits);
    if (hit) {
      const entry = ctx.journal().find((e) => e.index === hit.index) as CallInEntry;
      const match = entry.action === 'StatusNotification'
        ? { connectorStatus: status, evseId: hit.evseId, connectorId: hit.connectorId }
        : (p: JsonObject): boolean => statusReports([{ ...entry, payload: p }]).some(fits);
      return ctx.expectCall(entry.action, { from: hit.index, withinMs: 0, windowMs, match, describe, ...(options.step === undefined ? {} : { step: options.step }) });
    }
    if (ctx.clock.monoMs() >= deadline) {
      return ctx.expectCall('StatusNotification', { from, withinMs: 0, windowMs, match: () => false, describe, ...(options.step === undefined ? {} : { step: options.step }) });
    }
    await ctx.sleep(20);
  }
}

/** The next TransactionEvent (from `from`) matching, recorded like expectCall. */
export function expectTxEvent(ctx: TestContext, from: number, describe: string, match?: (p: JsonObject) => boolean, withinMs?: number): Promise<ObservedCall> {
  return ctx.expectCall('TransactionEvent', { from, describe, ...(match ? { match } : {}), ...(withinMs === undefined ? {} : { withinMs }) });
}

export function checkIdToken(ctx: TestContext, call: ObservedCall, token: IdTokenParam, what: string): void {
  const got = obj(call.payload['idToken']);
  ctx.check(`${what}: idToken.idToken`, got?.['idToken'] === token.idToken, { expected: token.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(call) });
  ctx.check(`${what}: idToken.type`, got?.['type'] === token.type, { expected: token.type, actual: got?.['type'] ?? 'absent', frames: frames(call) });
}

export function checkOneOf(ctx: TestContext, call: ObservedCall, what: string, actual: unknown, allowed: readonly string[]): void {
  ctx.check(what, typeof actual === 'string' && allowed.includes(actual), { expected: allowed.join(' or '), actual: actual ?? 'absent', frames: frames(call) });
}

// ---- station settings ---------------------------------------------------------------------

export interface TxSettings {
  startPoints: string[];
  stopPoints: string[];
  authorizeRemoteStart: boolean;
  localPreAuthorize: boolean;
  authEnabled: boolean;
}

/**
 * The settings the states read (Part 2 dm_components_vars.csv: all required but AuthCtrlr.Enabled).
 * No fallback to simulator defaults (DESIGN.md): a required one the station does not answer Accepted
 * with a value makes the case inconclusive with the reason.
 */
export const readVars: ReadonlyArray<{ component: string; variable: string; required: boolean }> = [
  { component: 'TxCtrlr', variable: 'TxStartPoint', required: true },
  { component: 'TxCtrlr', variable: 'TxStopPoint', required: true },
  { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', required: true },
  { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', required: true },
  { component: 'AuthCtrlr', variable: 'Enabled', required: false },
];

/** Read the settings that decide which TransactionEvents a state must expect (one GetVariables). */
export async function txSettings(ctx: TestContext): Promise<TxSettings> {
  const out = await ctx.call('GetVariables', { getVariableData: readVars.map((r) => ({ component: { name: r.component }, variable: { name: r.variable } })) });
  const what = readVars.map((r) => `${r.component}.${r.variable}`).join(', ');
  if (out.status !== 'result') return ctx.inconclusive(`${outcomeWords(out)} (reading ${what}): which TransactionEvents to expect cannot be read from the station`);
  const results = Array.isArray(out.payload['getVariableResult']) ? (out.payload['getVariableResult'] as unknown[]).map(obj) : [];
  const problems: string[] = [];
  const values = readVars.map((r) => {
    const hit = results.find((x) => str(obj(x?.['component'])?.['name']) === r.component && str(obj(x?.['variable'])?.['name']) === r.variable);
    const status = str(hit?.['attributeStatus']);
    const value = str(hit?.['attributeValue']);
    if (status === 'Accepted' && value !== undefined) return value;
    // Part 2 §3.1.2 AuthCtrlr.Enabled: only "false" switches authorization off; a station without the
    // (optional) variable authorizes.
    if (!r.required && (status === 'UnknownVariable' || status === 'UnknownComponent')) return undefined;
    problems.push(`${r.component}.${r.variable}: ${hit === undefined ? 'no result' : `attributeStatus ${status ?? 'absent'}${status === 'Accepted' ? ' without attributeValue' : ''}`}`);
    return undefined;
  });
  if (problems.length > 0) return ctx.inconclusive(`could not read ${problems.join('; ')} from the station: which TransactionEvents to expect depends on them`);
  const list = (x: string | undefined): string[] => (x ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  return {
    startPoints: list(values[0]),
    stopPoints: list(values[1]),
    authorizeRemoteStart: values[2] === 'true',
    localPreAuthorize: values[3] === 'true',
    authEnabled: values[4] !== 'false',
  };
}

export interface VariableRef {
  component: string;
  variable: string;
  instance?: string;
  evse?: { id: number; connectorId?: number };
}

export const keyOf = (r: VariableRef): string =>
  `${r.component}${r.evse ? `[${r.evse.id}${r.evse.connectorId === undefined ? '' : `/${r.evse.connectorId}`}]` : ''}.${r.variable}${r.instance ? `.${r.instance}` : ''}`;

export function refPayload(r: VariableRef): JsonObject {
  return {
    component: { name: r.component, ...(r.evse ? { evse: { id: r.evse.id, ...(r.evse.connectorId === undefined ? {} : { connectorId: r.evse.connectorId }) } } : {}) },
    variable: { name: r.variable, ...(r.instance ? { instance: r.instance } : {}) },
  };
}

export function refOf(d: JsonObject | undefined): VariableRef | undefined {
  const c = obj(d?.['component']);
  const v = obj(d?.['variable']);
  const component = str(c?.['name']);
  const variable = str(v?.['name']);
  if (!component || !variable) return undefined;
  const evse = obj(c?.['evse']);
  const evseId = num(evse?.['id']);
  const connectorId = num(evse?.['connectorId']);
  const instance = str(v?.['instance']);
  return { component, variable, ...(instance ? { instance } : {}), ...(evseId === undefined ? {} : { evse: { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) } }) };
}

/** Actual values (undefined where the station did not answer Accepted). Not a test step: no verdict. */
export async function getVariables(ctx: TestContext, refs: VariableRef[]): Promise<Array<string | undefined>> {
  const out = await ctx.call('GetVariables', { getVariableData: refs.map(refPayload) });
  if (out.status !== 'result') return refs.map(() => undefined);
  const results = Array.isArray(out.payload['getVariableResult']) ? (out.payload['getVariableResult'] as unknown[]).map(obj) : [];
  return refs.map((r) => {
    const hit = results.find((x) => {
      const ref = refOf(x);
      return ref !== undefined && keyOf(ref) === keyOf(r);
    });
    return hit?.['attributeStatus'] === 'Accepted' ? str(hit['attributeValue']) ?? '' : undefined;
  });
}

/**
 * Part 6 "Before – Configuration State": bring variables to the values a case needs. Reads them
 * first (so the restore can put the originals back) and sets only those that differ. A variable the
 * station does not know is skipped when `ifImplemented` (Part 6 "(If implemented)"), otherwise the
 * case is inconclusive: the precondition could not be met.
 */
export async function prepareVariables(ctx: TestContext, wanted: Array<VariableRef & { value: string; ifImplemented?: boolean }>): Promise<void> {
  if (wanted.length === 0) return;
  const current = await getVariables(ctx, wanted);
  const toSet = wanted.filter((w, i) => current[i] !== w.value && !(current[i] === undefined && w.ifImplemented));
  if (toSet.length === 0) return;
  const out = await ctx.call('SetVariables', { setVariableData: toSet.map((w) => ({ attributeValue: w.value, ...refPayload(w) })) });
  if (out.status !== 'result') ctx.inconclusive(`could not set the configuration the case needs: ${outcomeWords(out)}`);
  const results = Array.isArray(out.payload['setVariableResult']) ? (out.payload['setVariableResult'] as unknown[]).map(obj) : [];
  for (const w of toSet) {
    const r = results.find((x) => {
      const ref = refOf(x);
      return ref !== undefined && keyOf(ref) === keyOf(w);
    });
    const status = str(r?.['attributeStatus']);
    if (status === 'Accepted') continue;
    if (w.ifImplemented && (status === 'UnknownComponent' || status === 'UnknownVariable' || status === 'Rejected')) continue;
    ctx.inconclusive(`could not set ${keyOf(w)} to "${w.value}" for the case's preconditions: ${status ?? 'no result'}`);
  }
}
