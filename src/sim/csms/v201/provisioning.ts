/** Block B, provisioning: BootNotification, Heartbeat, NotifyReport; the Reset, Get/SetVariables and GetReport triggers. */
import type { JsonObject } from '../../../protocol/frames.js';
import { empty, type CsmsBlock } from '../block.js';
import { ParamError as ParamErrorOf, Params } from '../params.js';
import { bootAnswer, heartbeatAnswer, registrationDefects } from '../registration.js';
import { lower, swapReset } from '../trigger-helpers.js';
import type { StationRecord } from '../state.js';
import type { TriggerContext } from '../triggers.js';
import { baseReportOf, firstOnly, learnVariables, provisioningRequestDefects, reportBases, setNetworkProfile, splitByItemsPerMessage } from './provisioning-requests.js';

/** The connection each station was last told Pending on (the pending-kept-on-same-connection defect). */
const pendingOn = new WeakMap<StationRecord, string | undefined>();

const defaultVariable = { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval' };

export const provisioning: CsmsBlock = {
  name: 'provisioning',
  defects: [
    ...registrationDefects,
    { name: 'reset-wrong-type', description: 'sends Reset with the other type (Immediate ↔ OnIdle, Hard ↔ Soft)' },
    { name: 'config-key-wrong-case', description: 'Get/SetVariables variable names and Get/ChangeConfiguration keys are sent lower-cased' },
    ...provisioningRequestDefects,
    { name: 'pending-kept-on-same-connection', description: 'once it answered Pending, answers Pending to every further BootNotification on the same connection (it re-evaluates the registration only when the station reconnects)' },
    { name: 'triggered-boot-kept-pending', description: 'answers a BootNotification with reason Triggered (one it asked for while the station was Pending) with Pending again instead of re-evaluating the registration' },
  ],
  responders: (host) => ({
    BootNotification: (s, p) => {
      const wasPending = s.bootStatus === 'Pending';
      // The bugs: a triggered boot is taken for a retry of the pending one and keeps its status;
      // or the registration is only looked at again when the station opens a new connection.
      const keepPending =
        wasPending && ((host.has('triggered-boot-kept-pending') && p.reason === 'Triggered') || (host.has('pending-kept-on-same-connection') && pendingOn.get(s) === s.connectionId));
      const answer = keepPending ? { ...bootAnswer(host, s, p), status: 'Pending', interval: host.retryIntervalS } : bootAnswer(host, s, p);
      if (keepPending) s.bootStatus = 'Pending';
      if (answer.status === 'Pending') pendingOn.set(s, s.connectionId);
      return answer;
    },
    Heartbeat: (s) => heartbeatAnswer(host, s),
    NotifyReport: empty,
  }),
  learn: (memory, call, response) => learnVariables(memory, call, response),
  triggers: {
    triggerReset: (ctx, p) => {
      const type = p.oneOf('type', ['Immediate', 'OnIdle'] as const, { Hard: 'Immediate', Soft: 'OnIdle' }) ?? 'OnIdle';
      const evseId = ctx.has('reset-evse-id-dropped') ? undefined : p.int('evseId');
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
      return { action: 'SetVariables', payload: { setVariableData: firstOnly(ctx, 'set-variables-first-only', setVariableData) } };
    },
    triggerGetVariables: (ctx, p) => {
      const given = p.list('getVariableData');
      const getVariableData = given
        ? given.map((e) => lowerVariableName(ctx, e))
        : entriesOf(p, 'getVariableData').map((entry) => {
            const ref = variableRef(ctx, entry, defaultVariable);
            return { ...ref.rest, component: ref.component, variable: ref.variable };
          });
      return splitByItemsPerMessage(ctx, 'GetVariables', 'getVariableData', firstOnly(ctx, 'get-variables-first-only', getVariableData));
    },
    triggerGetReport: (ctx, p) => {
      const requestId = p.int('requestId') ?? ctx.next('requestId');
      const componentVariable = p.list('componentVariable');
      const componentCriteria = p.list('componentCriteria');
      if (componentVariable !== undefined || componentCriteria !== undefined) {
        const criteria = componentVariable !== undefined && ctx.has('report-criteria-dropped') ? undefined : componentCriteria;
        return { action: 'GetReport', payload: { requestId, ...(componentVariable ? { componentVariable } : {}), ...(criteria ? { componentCriteria: criteria } : {}) } };
      }
      const reportBase = p.oneOf('reportBase', reportBases) ?? 'FullInventory';
      return { action: 'GetBaseReport', payload: { requestId, reportBase: baseReportOf(ctx, reportBase) } };
    },
    triggerSetNetworkProfile: (ctx, p) => setNetworkProfile(ctx, p),
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
