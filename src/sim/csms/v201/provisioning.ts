/** Block B, provisioning: BootNotification, Heartbeat, NotifyReport; the Reset, Get/SetVariables and GetReport triggers. */
import type { JsonObject } from '../../../protocol/frames.js';
import { empty, type CsmsBlock } from '../block.js';
import { ParamError as ParamErrorOf, Params } from '../params.js';
import { bootAnswer, heartbeatAnswer, registrationDefects } from '../registration.js';
import { lower, swapReset } from '../trigger-helpers.js';
import type { TriggerContext } from '../triggers.js';

const defaultVariable = { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval' };

export const provisioning: CsmsBlock = {
  name: 'provisioning',
  defects: [
    ...registrationDefects,
    { name: 'reset-wrong-type', description: 'sends Reset with the other type (Immediate ↔ OnIdle, Hard ↔ Soft)' },
    { name: 'config-key-wrong-case', description: 'Get/SetVariables variable names and Get/ChangeConfiguration keys are sent lower-cased' },
  ],
  responders: (host) => ({
    BootNotification: (s, p) => bootAnswer(host, s, p),
    Heartbeat: (s) => heartbeatAnswer(host, s),
    NotifyReport: empty,
  }),
  triggers: {
    triggerReset: (ctx, p) => {
      const type = p.oneOf('type', ['Immediate', 'OnIdle'] as const, { Hard: 'Immediate', Soft: 'OnIdle' }) ?? 'OnIdle';
      const evseId = p.int('evseId');
      return { action: 'Reset', payload: { type: swapReset(ctx, type), ...(evseId === undefined ? {} : { evseId }) } };
    },
    triggerSetVariables: (ctx, p) => {
      const given = p.list('setVariableData');
      const setVariableData = given
        ? given.map((e) => lowerVariableName(ctx, e))
        : entriesOf(p, 'setVariableData').map((entry) => {
            const ref = variableRef(ctx, entry, defaultVariable);
            const value = new Params(entry).str('value') ?? new Params(entry).str('attributeValue') ?? String(ctx.heartbeatIntervalS);
            return { ...ref.rest, attributeValue: value, component: ref.component, variable: ref.variable };
          });
      return { action: 'SetVariables', payload: { setVariableData } };
    },
    triggerGetVariables: (ctx, p) => {
      const given = p.list('getVariableData');
      const getVariableData = given
        ? given.map((e) => lowerVariableName(ctx, e))
        : entriesOf(p, 'getVariableData').map((entry) => {
            const ref = variableRef(ctx, entry, defaultVariable);
            return { ...ref.rest, component: ref.component, variable: ref.variable };
          });
      return { action: 'GetVariables', payload: { getVariableData } };
    },
    triggerGetReport: (ctx, p) => {
      const requestId = p.int('requestId') ?? ctx.next('requestId');
      const componentVariable = p.list('componentVariable');
      const componentCriteria = p.list('componentCriteria');
      if (componentVariable !== undefined || componentCriteria !== undefined) {
        return { action: 'GetReport', payload: { requestId, ...(componentVariable ? { componentVariable } : {}), ...(componentCriteria ? { componentCriteria } : {}) } };
      }
      const reportBase = p.oneOf('reportBase', ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] as const) ?? 'FullInventory';
      return { action: 'GetBaseReport', payload: { requestId, reportBase } };
    },
  },
};

interface VariableRef {
  component: JsonObject;
  variable: JsonObject;
  rest: JsonObject;
}

/** One component/variable from `{component, variable, evseId?, instance?, …}` (names or objects). */
function variableRef(ctx: TriggerContext, entry: Record<string, unknown>, defaults: { component: string; variable: string }): VariableRef {
  const p = new Params(entry);
  const component: JsonObject = typeof p.raw.component === 'object' && p.raw.component !== null ? { ...p.obj('component') } : { name: p.str('component') ?? defaults.component };
  const evseId = p.int('evseId');
  if (evseId !== undefined && component.evse === undefined) component.evse = { id: evseId };
  const variable: JsonObject = typeof p.raw.variable === 'object' && p.raw.variable !== null ? { ...p.obj('variable') } : { name: p.str('variable') ?? p.str('key') ?? defaults.variable };
  const instance = p.str('instance');
  if (instance !== undefined && variable.instance === undefined) variable.instance = instance;
  if (typeof variable.name === 'string') variable.name = lower(ctx, variable.name);
  const rest: JsonObject = {};
  const attributeType = p.oneOf('attributeType', ['Actual', 'Target', 'MinSet', 'MaxSet'] as const);
  if (attributeType !== undefined) rest.attributeType = attributeType;
  return { component, variable, rest };
}

function entriesOf(p: Params, listName: string): Array<Record<string, unknown>> {
  const list = p.list(listName) ?? p.list('variables');
  if (list === undefined) return [p.raw];
  return list.map((e, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new ParamErrorOf(`parameter ${listName}[${i}] must be an object`);
    return e as Record<string, unknown>;
  });
}

function lowerVariableName(ctx: TriggerContext, entry: unknown): unknown {
  if (!ctx.has('config-key-wrong-case') || typeof entry !== 'object' || entry === null) return entry;
  const e = entry as JsonObject;
  const variable = e.variable as JsonObject | undefined;
  if (variable === undefined || typeof variable.name !== 'string') return entry;
  return { ...e, variable: { ...variable, name: variable.name.toLowerCase() } };
}
