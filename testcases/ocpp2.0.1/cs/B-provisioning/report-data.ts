/**
 * The report cases of Part 2 B07/B08 (TC_B_14/16/17/18/19/53/54/55/56_CS): send GetBaseReport or
 * GetReport, judge the response, and collect every reportData entry of the NotifyReports with our
 * requestId (seqNo 0, 1, … while tbc) with its values and characteristics, so a case can judge
 * them field by field.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

export interface ReportEntry {
  component: string;
  componentInstance?: string;
  evseId?: number;
  connectorId?: number;
  variable: string;
  instance?: string;
  /** variableAttribute entries; an omitted type means Actual, an omitted mutability ReadWrite (Part 2). */
  attributes: Array<{ type: string; value?: string; mutability: string }>;
  dataType?: string;
  valuesList?: string;
  hasCharacteristics: boolean;
  /** The NotifyReport frame it came in. */
  frames: number[];
}

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const listTypes: readonly string[] = ['OptionList', 'SequenceList', 'MemberList'];

export const nameOf = (e: ReportEntry): string =>
  `${e.component}${e.evseId === undefined ? '' : `[${e.evseId}${e.connectorId === undefined ? '' : `/${e.connectorId}`}]`}.${e.variable}${e.instance ? `.${e.instance}` : ''}`;

/** The items of a valuesList ("a,b" or "a, b": the spacing is not meaningful). */
export const itemsOf = (list: string | undefined): string[] => (list ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');

export const newRequestId = (): number => Math.floor(Math.random() * 1_000_000) + 1;

/** GetReport / GetBaseReport answered with `status`; statusInfo absent or one of `reasonCodes`. */
export async function requestReport(ctx: TestContext, action: 'GetReport' | 'GetBaseReport', payload: JsonObject, status: string, reasonCodes: readonly string[], step?: number): Promise<JsonObject> {
  const at = step === undefined ? {} : { step };
  const res = await ctx.callExpect(action, payload);
  ctx.check(`${action}Response status`, res['status'] === status, { expected: status, actual: res['status'] ?? 'absent', ...at });
  const info = asObj(res['statusInfo']);
  ctx.check(`${action}Response statusInfo`, info === undefined || reasonCodes.includes(String(info['reasonCode'])), { expected: `absent or reasonCode ${reasonCodes.join(' or ')}`, actual: info ?? 'absent', ...at });
  return res;
}

/**
 * Every NotifyReport of `requestId` until tbc is false: seqNo from 0 up by one, generatedAt a
 * timestamp, and (Part 2's rule for every report) a value on every attribute that is not WriteOnly.
 */
export async function collectReport(ctx: TestContext, requestId: number, step?: number): Promise<{ entries: ReportEntry[]; reports: ObservedCall[] }> {
  const entries: ReportEntry[] = [];
  const reports: ObservedCall[] = [];
  const at = step === undefined ? {} : { step };
  for (let seqNo = 0; ; seqNo++) {
    const report = await ctx.expectCall('NotifyReport', { match: { requestId }, describe: `NotifyReport with requestId ${requestId}`, ...at });
    reports.push(report);
    const frames = report.frameSeq === undefined ? [] : [report.frameSeq];
    ctx.check('NotifyReport seqNo', report.payload['seqNo'] === seqNo, { expected: seqNo, actual: report.payload['seqNo'] ?? 'absent', frames, ...at });
    ctx.check('NotifyReport generatedAt', typeof report.payload['generatedAt'] === 'string', { expected: 'the time the station generated it', actual: report.payload['generatedAt'] ?? 'absent', frames, ...at });
    const data = Array.isArray(report.payload['reportData']) ? (report.payload['reportData'] as unknown[]).map(asObj) : [];
    for (const d of data) {
      const component = asObj(d?.['component']);
      const variable = asObj(d?.['variable']);
      const evse = asObj(component?.['evse']);
      const characteristics = asObj(d?.['variableCharacteristics']);
      const attributes = Array.isArray(d?.['variableAttribute']) ? (d['variableAttribute'] as unknown[]).map(asObj) : [];
      const componentInstance = text(component?.['instance']);
      const instance = text(variable?.['instance']);
      const dataType = text(characteristics?.['dataType']);
      const valuesList = text(characteristics?.['valuesList']);
      entries.push({
        component: String(component?.['name']),
        ...(componentInstance === undefined ? {} : { componentInstance }),
        ...(typeof evse?.['id'] === 'number' ? { evseId: evse['id'] } : {}),
        ...(typeof evse?.['connectorId'] === 'number' ? { connectorId: evse['connectorId'] } : {}),
        variable: String(variable?.['name']),
        ...(instance === undefined ? {} : { instance }),
        attributes: attributes.map((a) => {
          const value = text(a?.['value']);
          return { type: text(a?.['type']) ?? 'Actual', ...(value === undefined ? {} : { value }), mutability: text(a?.['mutability']) ?? 'ReadWrite' };
        }),
        ...(dataType === undefined ? {} : { dataType }),
        ...(valuesList === undefined ? {} : { valuesList }),
        hasCharacteristics: characteristics !== undefined,
        frames,
      });
    }
    if (report.payload['tbc'] !== true) break;
  }
  // Part 2 VariableAttributeType.value: "May only be omitted when mutability is set to 'WriteOnly'".
  checkEach(ctx, 'NotifyReport attributes that are not WriteOnly carry a value', entries, (e) => (e.attributes.some((a) => a.mutability !== 'WriteOnly' && a.value === undefined) ? 'an attribute that is not WriteOnly without a value' : undefined), 'a value unless WriteOnly (Part 2 VariableAttributeType)', step);
  return { entries, reports };
}

/** The Actual value of an entry (the attribute without type or with type Actual). */
export const actualOf = (e: ReportEntry): string | undefined => e.attributes.find((a) => a.type === 'Actual')?.value;

/** Checks on a list of entries: one check per rule, naming the offenders. */
export function checkEach(ctx: TestContext, what: string, entries: readonly ReportEntry[], bad: (e: ReportEntry) => string | undefined, expected: string, step?: number): void {
  const problems = entries.map((e) => ({ e, why: bad(e) })).filter((p): p is { e: ReportEntry; why: string } => p.why !== undefined);
  ctx.check(what, problems.length === 0, {
    expected,
    actual: problems.length === 0 ? `all ${entries.length} as expected` : problems.slice(0, 8).map((p) => `${nameOf(p.e)}: ${p.why}`).join('; ') + (problems.length > 8 ? ` (and ${problems.length - 8} more)` : ''),
    frames: [...new Set((problems.length === 0 ? entries : problems.map((p) => p.e)).flatMap((e) => e.frames))].slice(0, 20),
    ...(step === undefined ? {} : { step }),
  });
}

/** Post scenario of the report cases: characteristics on every entry, a valuesList for list types. */
export function checkCharacteristics(ctx: TestContext, entries: readonly ReportEntry[], step?: number): void {
  checkEach(ctx, 'variableCharacteristics present for every variable', entries, (e) => (e.hasCharacteristics ? undefined : 'no variableCharacteristics'), 'present', step);
  checkEach(ctx, 'valuesList given for OptionList / SequenceList / MemberList', entries, (e) => (e.dataType !== undefined && listTypes.includes(e.dataType) && itemsOf(e.valuesList).length === 0 ? `${e.dataType} without valuesList` : undefined), 'a non-empty valuesList', step);
}
