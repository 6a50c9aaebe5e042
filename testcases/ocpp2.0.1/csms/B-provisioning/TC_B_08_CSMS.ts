/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_08_CSMS: the simulated station reports (to the CSMS's
 * GetVariablesRequest) DeviceDataCtrlr.ItemsPerMessage[GetVariables] = 4. Asked then for five
 * variables, the CSMS must split them: one GetVariablesRequest with four and one with one, in
 * either order, and never more than four in one request (B06.FR.05).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, obj } from '../_shared/station.js';
import { entriesOf, entryFor, refOf } from './support.js';

const itemsPerMessage = 4;
const wanted = [
  { component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', instance: 'GetReport' },
  { component: 'DeviceDataCtrlr', variable: 'ItemsPerMessage', instance: 'GetVariables' },
  { component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', instance: 'GetReport' },
  { component: 'DeviceDataCtrlr', variable: 'BytesPerMessage', instance: 'GetVariables' },
  { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', instance: undefined },
];

/** The simulated station's values for what this case asks; anything else is unknown to it. */
function valueOf(component: unknown, variable: unknown): string | undefined {
  const v = obj(variable);
  const instance = typeof v?.['instance'] === 'string' ? v['instance'] : '';
  const key = `${String(obj(component)?.['name'])}.${String(v?.['name'])}[${instance}]`;
  const values: Record<string, string> = {
    'DeviceDataCtrlr.ItemsPerMessage[GetReport]': String(itemsPerMessage),
    'DeviceDataCtrlr.ItemsPerMessage[GetVariables]': String(itemsPerMessage),
    'DeviceDataCtrlr.BytesPerMessage[GetReport]': '8000',
    'DeviceDataCtrlr.BytesPerMessage[GetVariables]': '8000',
    'AuthCtrlr.AuthorizeRemoteStart[]': 'false',
  };
  return values[key];
}

function answerGetVariables(ctx: TestContext): void {
  ctx.respond('GetVariables', (call) => ({
    getVariableResult: ((call.payload['getVariableData'] as JsonObject[] | undefined) ?? []).map((d) => {
      const value = valueOf(d['component'], d['variable']);
      return { component: d['component'] ?? {}, variable: d['variable'] ?? {}, ...(value === undefined ? { attributeStatus: 'UnknownVariable' } : { attributeStatus: 'Accepted', attributeValue: value }) };
    }),
  }));
}

const count = (n: number) => (p: JsonObject): boolean => Array.isArray(p['getVariableData']) && p['getVariableData'].length === n;

export default defineTestCase({
  id: 'TC_B_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Get Variables - limit to maximum number of values',
  useCases: ['B06'],
  requirements: ['B06.FR.05'],
  // Part 5 does not list this case for any profile.
  certification: [],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'a GetVariablesRequest with 4 and one with 1 of the five variables (either order): DeviceDataCtrlr ItemsPerMessage/BytesPerMessage [GetReport]/[GetVariables] and AuthCtrlr.AuthorizeRemoteStart' },
    { step: 'post', checks: 'no GetVariablesRequest of the scenario asks for more than ItemsPerMessage[GetVariables] (4) variables' },
  ],
  detects: ['get-variables-ignores-items-per-message'],
  async run(ctx) {
    answerGetVariables(ctx);
    await ctx.step('Configuration state: the CSMS reads DeviceDataCtrlr.ItemsPerMessage[GetVariables]; the station reports 4', async () => {
      await ctx.dut('triggerGetVariables', { getVariableData: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetVariables' } }] });
      await ctx.expectCall('GetVariables');
    });
    const calls: ObservedCall[] = await ctx.step('Steps 1-2: the CSMS asks for five variables in a request of 4 and one of 1', async () => {
      await ctx.dut('triggerGetVariables', { getVariableData: wanted.map((w) => ({ component: { name: w.component }, variable: { name: w.variable, ...(w.instance === undefined ? {} : { instance: w.instance }) } })) });
      const got = await ctx.expectAll(
        [
          { action: 'GetVariables', match: count(4), describe: 'a GetVariablesRequest with 4 variables' },
          { action: 'GetVariables', match: count(1), describe: 'a GetVariablesRequest with 1 variable' },
        ],
        { step: 1 },
      );
      const entries = got.flatMap((c) => entriesOf(c, 'getVariableData'));
      for (const w of wanted) {
        const label = `${w.component}.${w.variable}${w.instance === undefined ? '' : `[${w.instance}]`}`;
        ctx.check(`${label} is requested`, entryFor(entries, w.component, w.variable, w.instance) !== undefined, { expected: label, actual: entries.map(refOf), frames: got.flatMap(framesOf), step: 1 });
      }
      return got;
    });
    await ctx.step('Post scenario: no request asks for more than 4 variables', () => {
      for (const call of calls) {
        const n = entriesOf(call, 'getVariableData').length;
        ctx.check(`GetVariablesRequest has at most ${itemsPerMessage} entries`, n <= itemsPerMessage, { expected: `<= ${itemsPerMessage}`, actual: n, frames: framesOf(call) });
      }
      return Promise.resolve();
    });
  },
});
