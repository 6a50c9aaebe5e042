/**
 * What the CSMS simulator sends when asked to (the engine's `trigger*` DUT actions): the CALL of
 * the right version with sensible defaults taken from the parameters and from what the simulator
 * knows (its tokens, the station's ongoing transaction, its counters). Pure: building a call
 * never sends it, so every default and every defect is testable without a socket.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { TokenBook, TokenDefects } from './tokens.js';
import { idTagInfo, idTokenInfo } from './tokens.js';

/** The trigger actions of src/engine/dut-adapter.ts `dutActions`, in its order. */
export const csmsTriggerActions = [
  'triggerReset',
  'triggerRequestStartTransaction',
  'triggerRequestStopTransaction',
  'triggerChangeAvailability',
  'triggerSetVariables',
  'triggerGetVariables',
  'triggerGetReport',
  'triggerTriggerMessage',
  'triggerSetChargingProfile',
  'triggerReserveNow',
  'triggerCancelReservation',
  'triggerUnlockConnector',
  'triggerClearCache',
  'triggerSendLocalList',
  'triggerGetLocalListVersion',
  'triggerDataTransfer',
  'triggerCall',
] as const;
export type CsmsTriggerAction = (typeof csmsTriggerActions)[number];

export function isTriggerAction(name: string): name is CsmsTriggerAction {
  return (csmsTriggerActions as readonly string[]).includes(name);
}

export type CounterName = 'remoteStartId' | 'requestId' | 'chargingProfileId' | 'reservationId' | 'localListVersion';

/** What a trigger may know about the simulator and the station it addresses. */
export interface TriggerContext {
  version: OcppVersion;
  has(defect: string): boolean;
  tokens: TokenBook;
  /** The station's latest ongoing transaction id (1.6: the integer as a string). */
  ongoingTransactionId: string | undefined;
  /** The station's most recently ended transaction id. */
  endedTransactionId: string | undefined;
  lastReservationId: number | undefined;
  next(counter: CounterName): number;
  heartbeatIntervalS: number;
  vendorId: string;
  nowWallMs: number;
}

export type BuiltCall = { ok: true; action: string; payload: JsonObject } | { ok: false; reason: string };

class ParamError extends Error {}

/** Typed reads of the loosely typed parameters (they come from JSON, a CLI, or a test case). */
class Params {
  constructor(readonly raw: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new ParamError(`parameter ${name} must be a string`);
  }

  int(name: string): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new ParamError(`parameter ${name} must be an integer`);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const hit = allowed.find((a) => a === v) ?? aliases[v];
    if (hit === undefined) throw new ParamError(`parameter ${name} must be one of ${allowed.join(', ')} (got "${v}")`);
    return hit;
  }

  obj(name: string): JsonObject | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw new ParamError(`parameter ${name} must be an object`);
    return v as JsonObject;
  }

  list(name: string): unknown[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw new ParamError(`parameter ${name} must be an array`);
    return v as unknown[];
  }
}

/** Build the CALL a trigger makes the CSMS send, or say why it cannot be built. */
export function buildTriggerCall(ctx: TriggerContext, trigger: CsmsTriggerAction, params: Record<string, unknown>): BuiltCall {
  const p = new Params(params);
  try {
    return { ok: true, ...(ctx.version === '1.6' ? build16(ctx, trigger, p) : build201(ctx, trigger, p)) };
  } catch (err) {
    if (err instanceof ParamError) return { ok: false, reason: `${trigger}: ${err.message}` };
    throw err;
  }
}

type Call = { action: string; payload: JsonObject };

const isoAfter = (ctx: TriggerContext, seconds: number): string => new Date(ctx.nowWallMs + seconds * 1000).toISOString();
const lower = (ctx: TriggerContext, name: string): string => (ctx.has('config-key-wrong-case') ? name.toLowerCase() : name);

function idTokenOf(ctx: TriggerContext, p: Params): { idToken: string; type: string } {
  const given = typeof p.raw.idToken === 'object' ? p.obj('idToken') : undefined;
  if (given !== undefined) {
    if (typeof given.idToken !== 'string') throw new ParamError('parameter idToken.idToken must be a string');
    return { idToken: given.idToken, type: typeof given.type === 'string' ? given.type : (ctx.tokens.find(given.idToken)?.type ?? 'ISO14443') };
  }
  const text = p.str('idToken') ?? p.str('idTag');
  const record = text === undefined ? ctx.tokens.firstValid() : ctx.tokens.find(text);
  return { idToken: text ?? record?.idToken ?? '', type: p.str('idTokenType') ?? record?.type ?? 'ISO14443' };
}

function transactionToStop(ctx: TriggerContext, p: Params): string {
  const intended = p.str('transactionId') ?? ctx.ongoingTransactionId;
  if (intended === undefined) throw new ParamError('no ongoing transaction is known for this station; pass transactionId');
  if (ctx.has('remote-stop-wrong-transaction')) {
    if (ctx.endedTransactionId !== undefined && ctx.endedTransactionId !== intended) return ctx.endedTransactionId;
    return ctx.version === '1.6' ? String(Number(intended) + 1000) : `${intended}-0`;
  }
  return intended;
}

function swapReset(ctx: TriggerContext, type: string): string {
  if (!ctx.has('reset-wrong-type')) return type;
  const other: Record<string, string> = { Immediate: 'OnIdle', OnIdle: 'Immediate', Hard: 'Soft', Soft: 'Hard' };
  return other[type] ?? type;
}

function wrongTrigger(ctx: TriggerContext, requested: string): string {
  if (!ctx.has('trigger-message-wrong-message')) return requested;
  return requested === 'StatusNotification' ? 'Heartbeat' : 'StatusNotification';
}

// ---- OCPP 2.0.1 ---------------------------------------------------------------------------

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
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new ParamError(`parameter ${listName}[${i}] must be an object`);
    return e as Record<string, unknown>;
  });
}

const defaultVariable = { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval' };

function build201(ctx: TriggerContext, trigger: CsmsTriggerAction, p: Params): Call {
  switch (trigger) {
    case 'triggerReset': {
      const type = p.oneOf('type', ['Immediate', 'OnIdle'] as const, { Hard: 'Immediate', Soft: 'OnIdle' }) ?? 'OnIdle';
      const evseId = p.int('evseId');
      return { action: 'Reset', payload: { type: swapReset(ctx, type), ...(evseId === undefined ? {} : { evseId }) } };
    }
    case 'triggerRequestStartTransaction': {
      const idToken = ctx.has('remote-start-without-idtoken') ? { idToken: '', type: 'NoAuthorization' } : idTokenOf(ctx, p);
      const evseId = p.int('evseId');
      const chargingProfile = p.obj('chargingProfile');
      return {
        action: 'RequestStartTransaction',
        payload: {
          ...(evseId === undefined ? {} : { evseId }),
          remoteStartId: p.int('remoteStartId') ?? ctx.next('remoteStartId'),
          idToken,
          ...(chargingProfile === undefined ? {} : { chargingProfile }),
        },
      };
    }
    case 'triggerRequestStopTransaction': {
      const transactionId = ctx.has('no-transaction-id') ? '' : transactionToStop(ctx, p);
      return { action: 'RequestStopTransaction', payload: { transactionId } };
    }
    case 'triggerChangeAvailability': {
      const operationalStatus = p.oneOf('operationalStatus', ['Operative', 'Inoperative'] as const) ?? p.oneOf('type', ['Operative', 'Inoperative'] as const) ?? 'Inoperative';
      const evseId = p.int('evseId');
      const connectorId = p.int('connectorId');
      const evse = evseId === undefined || ctx.has('change-availability-without-evse') ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
      return { action: 'ChangeAvailability', payload: { operationalStatus, ...(evse === undefined ? {} : { evse }) } };
    }
    case 'triggerSetVariables': {
      const given = p.list('setVariableData');
      const setVariableData = given
        ? given.map((e) => lowerVariableName(ctx, e))
        : entriesOf(p, 'setVariableData').map((entry) => {
            const ref = variableRef(ctx, entry, defaultVariable);
            const value = new Params(entry).str('value') ?? new Params(entry).str('attributeValue') ?? String(ctx.heartbeatIntervalS);
            return { ...ref.rest, attributeValue: value, component: ref.component, variable: ref.variable };
          });
      return { action: 'SetVariables', payload: { setVariableData } };
    }
    case 'triggerGetVariables': {
      const given = p.list('getVariableData');
      const getVariableData = given
        ? given.map((e) => lowerVariableName(ctx, e))
        : entriesOf(p, 'getVariableData').map((entry) => {
            const ref = variableRef(ctx, entry, defaultVariable);
            return { ...ref.rest, component: ref.component, variable: ref.variable };
          });
      return { action: 'GetVariables', payload: { getVariableData } };
    }
    case 'triggerGetReport': {
      const requestId = p.int('requestId') ?? ctx.next('requestId');
      const componentVariable = p.list('componentVariable');
      const componentCriteria = p.list('componentCriteria');
      if (componentVariable !== undefined || componentCriteria !== undefined) {
        return {
          action: 'GetReport',
          payload: { requestId, ...(componentVariable ? { componentVariable } : {}), ...(componentCriteria ? { componentCriteria } : {}) },
        };
      }
      const reportBase = p.oneOf('reportBase', ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] as const) ?? 'FullInventory';
      return { action: 'GetBaseReport', payload: { requestId, reportBase } };
    }
    case 'triggerTriggerMessage': {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const evseId = p.int('evseId');
      const connectorId = p.int('connectorId');
      const evse = evseId === undefined ? undefined : { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) };
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(evse ? { evse } : {}) } };
    }
    case 'triggerSetChargingProfile': {
      const evseId = p.int('evseId') ?? 0;
      const given = p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { evseId, chargingProfile: given } };
      const purpose = p.oneOf('chargingProfilePurpose', ['ChargingStationMaxProfile', 'TxDefaultProfile', 'TxProfile', 'ChargingStationExternalConstraints'] as const) ??
        (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
      const transactionId = purpose === 'TxProfile' ? (p.str('transactionId') ?? ctx.ongoingTransactionId) : undefined;
      if (purpose === 'TxProfile' && transactionId === undefined) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
      const id = p.int('chargingProfileId') ?? ctx.next('chargingProfileId');
      return {
        action: 'SetChargingProfile',
        payload: {
          evseId,
          chargingProfile: {
            id,
            stackLevel: p.int('stackLevel') ?? 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: 'Relative',
            chargingSchedule: [
              {
                id,
                chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A',
                chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(p.str('limit') ?? 16) }],
              },
            ],
            ...(transactionId === undefined ? {} : { transactionId }),
          },
        },
      };
    }
    case 'triggerReserveNow': {
      const evseId = p.int('evseId');
      return {
        action: 'ReserveNow',
        payload: {
          id: p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId'),
          expiryDateTime: p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
          idToken: idTokenOf(ctx, p),
          ...(evseId === undefined ? {} : { evseId }),
        },
      };
    }
    case 'triggerCancelReservation':
      return { action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) } };
    case 'triggerUnlockConnector':
      return { action: 'UnlockConnector', payload: { evseId: p.int('evseId') ?? 1, connectorId: p.int('connectorId') ?? 1 } };
    case 'triggerClearCache':
      return { action: 'ClearCache', payload: {} };
    case 'triggerSendLocalList': {
      const given = p.list('localAuthorizationList');
      const list = given ?? ctx.tokens.list().map((t) => ({
        idToken: { idToken: t.idToken, type: t.type ?? 'ISO14443' },
        idTokenInfo: idTokenInfo(ctx.tokens.decide('2.0.1', t.idToken, tokenDefects(ctx))),
      }));
      return {
        action: 'SendLocalList',
        payload: {
          versionNumber: p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType: p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full',
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    }
    case 'triggerGetLocalListVersion':
      return { action: 'GetLocalListVersion', payload: {} };
    case 'triggerDataTransfer':
      return { action: 'DataTransfer', payload: dataTransfer(ctx, p) };
    case 'triggerCall':
      return rawCall(p);
  }
}

// ---- OCPP 1.6 -----------------------------------------------------------------------------

function build16(ctx: TriggerContext, trigger: CsmsTriggerAction, p: Params): Call {
  const connectorOr = (fallback: number | undefined): number | undefined => p.int('connectorId') ?? p.int('evseId') ?? fallback;
  switch (trigger) {
    case 'triggerReset': {
      const type = p.oneOf('type', ['Hard', 'Soft'] as const, { Immediate: 'Hard', OnIdle: 'Soft' }) ?? 'Soft';
      return { action: 'Reset', payload: { type: swapReset(ctx, type) } };
    }
    case 'triggerRequestStartTransaction': {
      const idTag = ctx.has('remote-start-without-idtoken') ? '' : idTokenOf(ctx, p).idToken;
      const connectorId = connectorOr(undefined);
      const chargingProfile = p.obj('chargingProfile');
      return {
        action: 'RemoteStartTransaction',
        payload: { ...(connectorId === undefined ? {} : { connectorId }), idTag, ...(chargingProfile === undefined ? {} : { chargingProfile }) },
      };
    }
    case 'triggerRequestStopTransaction': {
      const id = Number(transactionToStop(ctx, p));
      if (!Number.isInteger(id)) throw new ParamError('a 1.6 transactionId is an integer');
      return { action: 'RemoteStopTransaction', payload: { transactionId: id } };
    }
    case 'triggerChangeAvailability': {
      const type = p.oneOf('type', ['Operative', 'Inoperative'] as const) ?? p.oneOf('operationalStatus', ['Operative', 'Inoperative'] as const) ?? 'Inoperative';
      const connectorId = ctx.has('change-availability-without-evse') ? 0 : (connectorOr(0) ?? 0);
      return { action: 'ChangeAvailability', payload: { connectorId, type } };
    }
    case 'triggerSetVariables': {
      const key = p.str('key') ?? p.str('variable') ?? 'HeartbeatInterval';
      const value = p.str('value') ?? String(ctx.heartbeatIntervalS);
      return { action: 'ChangeConfiguration', payload: { key: lower(ctx, key), value } };
    }
    case 'triggerGetVariables':
    case 'triggerGetReport': {
      const keys = trigger === 'triggerGetReport' ? undefined : keysOf(p);
      if (ctx.has('get-configuration-fixed-keys')) return { action: 'GetConfiguration', payload: { key: [lower(ctx, 'HeartbeatInterval')] } };
      return { action: 'GetConfiguration', payload: keys === undefined ? {} : { key: keys.map((k) => lower(ctx, k)) } };
    }
    case 'triggerTriggerMessage': {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const connectorId = connectorOr(undefined);
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(connectorId === undefined ? {} : { connectorId }) } };
    }
    case 'triggerSetChargingProfile': {
      const connectorId = connectorOr(0) ?? 0;
      const given = p.obj('csChargingProfiles') ?? p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { connectorId, csChargingProfiles: given } };
      const purpose = p.oneOf('chargingProfilePurpose', ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] as const) ?? (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
      const tx = purpose === 'TxProfile' ? (p.str('transactionId') ?? ctx.ongoingTransactionId) : undefined;
      if (purpose === 'TxProfile' && tx === undefined) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
      return {
        action: 'SetChargingProfile',
        payload: {
          connectorId,
          csChargingProfiles: {
            chargingProfileId: p.int('chargingProfileId') ?? ctx.next('chargingProfileId'),
            ...(tx === undefined ? {} : { transactionId: Number(tx) }),
            stackLevel: p.int('stackLevel') ?? 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: 'Relative',
            chargingSchedule: {
              chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A',
              chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(p.str('limit') ?? 16) }],
            },
          },
        },
      };
    }
    case 'triggerReserveNow':
      return {
        action: 'ReserveNow',
        payload: {
          connectorId: connectorOr(1) ?? 1,
          expiryDate: p.str('expiryDate') ?? p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
          idTag: idTokenOf(ctx, p).idToken,
          reservationId: p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId'),
        },
      };
    case 'triggerCancelReservation':
      return { action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) } };
    case 'triggerUnlockConnector':
      return { action: 'UnlockConnector', payload: { connectorId: connectorOr(1) ?? 1 } };
    case 'triggerClearCache':
      return { action: 'ClearCache', payload: {} };
    case 'triggerSendLocalList': {
      const given = p.list('localAuthorizationList');
      const list = given ?? ctx.tokens.list().map((t) => ({ idTag: t.idToken, idTagInfo: idTagInfo(ctx.tokens.decide('1.6', t.idToken, tokenDefects(ctx))) }));
      return {
        action: 'SendLocalList',
        payload: {
          listVersion: p.int('listVersion') ?? p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType: p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full',
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    }
    case 'triggerGetLocalListVersion':
      return { action: 'GetLocalListVersion', payload: {} };
    case 'triggerDataTransfer':
      return { action: 'DataTransfer', payload: dataTransfer(ctx, p) };
    case 'triggerCall':
      return rawCall(p);
  }
}

function keysOf(p: Params): string[] | undefined {
  const raw = p.raw.key ?? p.raw.keys;
  if (Array.isArray(raw)) return raw.map((k) => String(k));
  const one = p.str('key') ?? p.str('variable');
  return one === undefined ? undefined : [one];
}

function lowerVariableName(ctx: TriggerContext, entry: unknown): unknown {
  if (!ctx.has('config-key-wrong-case') || typeof entry !== 'object' || entry === null) return entry;
  const e = entry as JsonObject;
  const variable = e.variable as JsonObject | undefined;
  if (variable === undefined || typeof variable.name !== 'string') return entry;
  return { ...e, variable: { ...variable, name: variable.name.toLowerCase() } };
}

function reservationToCancel(ctx: TriggerContext, p: Params): number {
  const id = p.int('reservationId') ?? p.int('id') ?? ctx.lastReservationId;
  if (id === undefined) throw new ParamError('no reservation was made by this simulator; pass reservationId');
  return id;
}

function dataTransfer(ctx: TriggerContext, p: Params): JsonObject {
  const messageId = p.str('messageId');
  const data = p.raw.data;
  return { vendorId: p.str('vendorId') ?? ctx.vendorId, ...(messageId === undefined ? {} : { messageId }), ...(data === undefined ? {} : { data }) };
}

function rawCall(p: Params): Call {
  const action = p.str('action');
  if (action === undefined || action === '') throw new ParamError('parameter action (the CALL to send) is required');
  return { action, payload: p.obj('payload') ?? {} };
}

export function tokenDefects(ctx: { has(defect: string): boolean }): TokenDefects {
  return {
    rejectsValid: ctx.has('rejects-valid-token'),
    acceptsInvalid: ctx.has('accepts-invalid-token'),
    acceptsBlocked: ctx.has('accepts-blocked-token'),
    acceptsExpired: ctx.has('accepts-expired-token'),
    groupIdMissing: ctx.has('group-id-missing'),
  };
}
