/** Core profile (1.6), what the Central System sends when the operator asks: Reset, Remote Start/Stop, ChangeAvailability, Get/ChangeConfiguration, UnlockConnector, ClearCache, DataTransfer. */
import type { CsmsBlock } from '../block.js';
import { ParamError, type Params } from '../params.js';
import { dataTransferPayload, idTokenOf, lower, swapReset, transactionToStop } from '../trigger-helpers.js';
import { remoteStartProfile } from '../charging-profiles.js';

const connectorOr = (p: Params, fallback: number | undefined): number | undefined => p.int('connectorId') ?? p.int('evseId') ?? fallback;

export const coreTriggers16: CsmsBlock = {
  name: 'core-triggers',
  defects: [
    { name: 'reset-wrong-type', description: 'sends Reset with the other type (Immediate ↔ OnIdle, Hard ↔ Soft)' },
    { name: 'config-key-wrong-case', description: 'Get/SetVariables variable names and Get/ChangeConfiguration keys are sent lower-cased' },
    { name: 'get-configuration-fixed-keys', description: 'GetConfiguration always asks for HeartbeatInterval only, even when all keys were requested' },
    { name: 'remote-start-without-idtoken', description: 'sends RequestStartTransaction / RemoteStartTransaction with an empty idToken (NoAuthorization / idTag "")' },
    { name: 'remote-stop-wrong-transaction', description: 'RequestStopTransaction / RemoteStopTransaction names a transaction that is not the ongoing one' },
    { name: 'change-availability-without-evse', description: 'ChangeAvailability always addresses the whole station (no evse / connectorId 0)' },
    { name: 'unlock-connector-zero', description: 'UnlockConnector is sent with connectorId 0 (the Charge Point itself, no connector) instead of the connector asked for' },
    { name: 'unlock-connector-first-only', description: 'UnlockConnector names connector 1 whatever connector was asked for (a Central System that models single-connector Charge Points)' },
    { name: 'remote-stop-ongoing-only', description: 'RemoteStopTransaction names the ongoing transaction of the Charge Point whatever transaction was asked for' },
    { name: 'clear-cache-extra-field', description: 'ClearCache.req carries a connectorId, which the 1.6 schema does not allow (additionalProperties false)' },
  ],
  triggers: {
    triggerReset: (ctx, p) => {
      const type = p.oneOf('type', ['Hard', 'Soft'] as const, { Immediate: 'Hard', OnIdle: 'Soft' }) ?? 'Soft';
      return { action: 'Reset', payload: { type: swapReset(ctx, type) } };
    },
    triggerRequestStartTransaction: (ctx, p) => {
      const idTag = ctx.has('remote-start-without-idtoken') ? '' : idTokenOf(ctx, p).idToken;
      const connectorId = connectorOr(p, undefined);
      const chargingProfile = remoteStartProfile(ctx, p);
      return { action: 'RemoteStartTransaction', payload: { ...(connectorId === undefined ? {} : { connectorId }), idTag, ...(chargingProfile === undefined ? {} : { chargingProfile }) } };
    },
    triggerRequestStopTransaction: (ctx, p) => {
      const ongoing = ctx.has('remote-stop-ongoing-only') ? ctx.ongoingTransactionId : undefined;
      const id = Number(ongoing ?? transactionToStop(ctx, p));
      if (!Number.isInteger(id)) throw new ParamError('a 1.6 transactionId is an integer');
      return { action: 'RemoteStopTransaction', payload: { transactionId: id } };
    },
    triggerChangeAvailability: (ctx, p) => {
      const type = p.oneOf('type', ['Operative', 'Inoperative'] as const) ?? p.oneOf('operationalStatus', ['Operative', 'Inoperative'] as const) ?? 'Inoperative';
      const connectorId = ctx.has('change-availability-without-evse') ? 0 : (connectorOr(p, 0) ?? 0);
      return { action: 'ChangeAvailability', payload: { connectorId, type } };
    },
    triggerSetVariables: (ctx, p) => {
      const key = p.str('key') ?? p.str('variable') ?? 'HeartbeatInterval';
      const value = p.str('value') ?? String(ctx.heartbeatIntervalS);
      return { action: 'ChangeConfiguration', payload: { key: lower(ctx, key), value } };
    },
    triggerGetVariables: (ctx, p) => getConfiguration(ctx, keysOf(p)),
    triggerGetReport: (ctx) => getConfiguration(ctx, undefined),
    triggerUnlockConnector: (ctx, p) => {
      const asked = connectorOr(p, 1) ?? 1;
      const connectorId = ctx.has('unlock-connector-zero') ? 0 : ctx.has('unlock-connector-first-only') ? 1 : asked;
      return { action: 'UnlockConnector', payload: { connectorId } };
    },
    triggerClearCache: (ctx) => ({ action: 'ClearCache', payload: ctx.has('clear-cache-extra-field') ? { connectorId: 1 } : {} }),
    triggerDataTransfer: (ctx, p) => ({ action: 'DataTransfer', payload: dataTransferPayload(ctx, p) }),
  },
};

function getConfiguration(ctx: Parameters<typeof lower>[0], keys: string[] | undefined): { action: string; payload: Record<string, unknown> & object } {
  if (ctx.has('get-configuration-fixed-keys')) return { action: 'GetConfiguration', payload: { key: [lower(ctx, 'HeartbeatInterval')] } };
  return { action: 'GetConfiguration', payload: keys === undefined ? {} : { key: keys.map((k) => lower(ctx, k)) } };
}

function keysOf(p: Params): string[] | undefined {
  const raw = p.raw.key ?? p.raw.keys;
  if (Array.isArray(raw)) return raw.map((k) => String(k));
  const one = p.str('key') ?? p.str('variable');
  return one === undefined ? undefined : [one];
}
