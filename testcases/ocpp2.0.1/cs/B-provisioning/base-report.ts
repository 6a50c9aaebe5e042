/**
 * GetBaseReport with the NotifyReport sequence that follows it (Part 2 B07), shared by TC_B_12_CS
 * and TC_B_13_CS: the request is Accepted, then NotifyReports with our requestId, seqNo 0, 1, 2 …
 * until tbc is false; every reported variable has variableCharacteristics, list types a valuesList.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export interface ReportedVariable {
  component: string;
  evseId?: number;
  connectorId?: number;
  variable: string;
  instance?: string;
  mutability: string[];
  hasCharacteristics: boolean;
}

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const listTypes = ['OptionList', 'SequenceList', 'MemberList'];

export async function baseReport(ctx: TestContext, reportBase: string, steps: [string, string] = ['Steps 1-2', 'Steps 3-4']): Promise<ReportedVariable[]> {
  const requestId = Math.floor(Math.random() * 1_000_000) + 1;
  await ctx.step(`${steps[0]}: GetBaseReport ${reportBase} is Accepted`, async () => {
    const res = await ctx.callExpect('GetBaseReport', { requestId, reportBase }, { match: { status: 'Accepted' } });
    const info = asObj(res['statusInfo']);
    ctx.check('GetBaseReportResponse statusInfo', info === undefined || info['reasonCode'] === 'NoError', { expected: 'absent or reasonCode NoError', actual: info ?? 'absent' });
  });
  const reported: ReportedVariable[] = [];
  await ctx.step(`${steps[1]}: NotifyReport messages until tbc is false`, async () => {
    for (let seqNo = 0; ; seqNo++) {
      const report = await ctx.expectCall('NotifyReport', { match: { requestId }, describe: `NotifyReport with requestId ${requestId}` });
      const frames = report.frameSeq === undefined ? [] : [report.frameSeq];
      ctx.check(`NotifyReport seqNo`, report.payload['seqNo'] === seqNo, { expected: seqNo, actual: report.payload['seqNo'], frames });
      ctx.check('NotifyReport generatedAt', typeof report.payload['generatedAt'] === 'string', { expected: 'a timestamp', actual: report.payload['generatedAt'] ?? 'absent', frames });
      const data = Array.isArray(report.payload['reportData']) ? (report.payload['reportData'] as unknown[]).map(asObj) : [];
      for (const d of data) {
        const component = asObj(d?.['component']);
        const variable = asObj(d?.['variable']);
        const evse = asObj(component?.['evse']);
        const characteristics = asObj(d?.['variableCharacteristics']);
        const attributes = Array.isArray(d?.['variableAttribute']) ? (d['variableAttribute'] as unknown[]).map(asObj) : [];
        const instance = typeof variable?.['instance'] === 'string' ? `.${variable['instance']}` : '';
        const name = `${String(component?.['name'])}.${String(variable?.['name'])}${instance}`;
        const dataType = characteristics?.['dataType'];
        if (typeof dataType === 'string' && listTypes.includes(dataType)) {
          ctx.check(`${name}: valuesList for a ${dataType}`, typeof characteristics?.['valuesList'] === 'string', { expected: 'valuesList present', actual: characteristics?.['valuesList'] ?? 'absent', frames });
        }
        reported.push({
          component: String(component?.['name']),
          ...(typeof evse?.['id'] === 'number' ? { evseId: evse['id'] } : {}),
          ...(typeof evse?.['connectorId'] === 'number' ? { connectorId: evse['connectorId'] } : {}),
          variable: String(variable?.['name']),
          ...(typeof variable?.['instance'] === 'string' ? { instance: variable['instance'] } : {}),
          // Part 2: an omitted mutability means ReadWrite.
          mutability: attributes.map((a) => (typeof a?.['mutability'] === 'string' ? a['mutability'] : 'ReadWrite')),
          hasCharacteristics: characteristics !== undefined,
        });
      }
      if (report.payload['tbc'] !== true) break;
    }
  });
  return reported;
}

export const describeVar = (v: ReportedVariable): string =>
  `${v.component}${v.evseId === undefined ? '' : `[${v.evseId}${v.connectorId === undefined ? '' : `/${v.connectorId}`}]`}.${v.variable}${v.instance ? `.${v.instance}` : ''}`;

/** Post-scenario: the variables a Core station must report are among them. */
export function checkPresent(ctx: TestContext, reported: ReportedVariable[], required: Array<{ component: string; variable: string; instance?: string; evse?: boolean; connector?: boolean }>, basis?: string): void {
  const missing = required.filter(
    (r) =>
      !reported.some(
        (v) =>
          v.component === r.component &&
          v.variable === r.variable &&
          (r.instance === undefined || v.instance === r.instance) &&
          (!r.evse || v.evseId === ctx.config.evseId) &&
          (!r.connector || v.connectorId === ctx.config.connectorId),
      ),
  );
  ctx.check(`the required variables are reported${basis ? ` (${basis})` : ''}`, missing.length === 0, {
    expected: required.map((r) => `${r.component}.${r.variable}${r.instance ? `.${r.instance}` : ''}`).join(', '),
    actual: missing.length === 0 ? 'all reported' : `missing: ${missing.map((r) => `${r.component}.${r.variable}${r.instance ? `.${r.instance}` : ''}`).join(', ')}`,
  });
}
