/**
 * Core profile, the Central System initiated operations (1.6 chapter 5): Get/ChangeConfiguration
 * over the configuration keys (chapter 9), Reset, ChangeAvailability (Scheduled while a
 * transaction runs), RemoteStart/StopTransaction; and the `reconfigure` control action
 * (UnlockConnector: connector-lock.ts, DataTransfer: data-transfer.ts).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { textParam } from '../core/block.js';
import type { Block16, Context16 } from './context.js';
import { configMeasurands, k } from '../config-keys.js';

export const core16: Block16 = {
  name: 'core',
  configKeys: (connectors) => [
    k('AllowOfflineTxForUnknownId', 'bool', false, 'false'),
    k('AuthorizationCacheEnabled', 'bool', false, 'true'),
    k('AuthorizeRemoteTxRequests', 'bool', false, 'false'),
    k('ClockAlignedDataInterval', 'int', false, '0'),
    k('ConnectionTimeOut', 'int', false, '60'),
    k('ConnectorPhaseRotation', 'csl', false, '0.RST'),
    k('GetConfigurationMaxKeys', 'int', true, '50'),
    k('HeartbeatInterval', 'int', false, '60'),
    k('LocalAuthorizeOffline', 'bool', false, 'true'),
    k('LocalPreAuthorize', 'bool', false, 'false'),
    k('MeterValuesAlignedData', 'csl', false, 'Energy.Active.Import.Register', { members: configMeasurands }),
    k('MeterValuesSampledData', 'csl', false, 'Energy.Active.Import.Register', { members: configMeasurands }),
    k('MeterValueSampleInterval', 'int', false, '0'),
    k('NumberOfConnectors', 'int', true, String(connectors)),
    k('ResetRetries', 'int', false, '1'),
    k('StopTransactionOnEVSideDisconnect', 'bool', false, 'true'),
    k('StopTransactionOnInvalidId', 'bool', false, 'true'),
    k('StopTxnAlignedData', 'csl', false, '', { members: configMeasurands }),
    k('StopTxnSampledData', 'csl', false, '', { members: configMeasurands }),
    k('SupportedFeatureProfiles', 'csl', true, 'Core,FirmwareManagement,LocalAuthListManagement,RemoteTrigger'),
    k('TransactionMessageAttempts', 'int', false, '3'),
    k('TransactionMessageRetryInterval', 'int', false, '10'),
    k('UnlockConnectorOnEVSideDisconnect', 'bool', false, 'true'),
    k('WebSocketPingInterval', 'int', false, '0', { rebootRequired: true }),
  ],
  defects: [
    { name: 'reset-without-reboot', description: 'accepts Reset but does not reboot' },
    { name: 'ignores-set-variables', description: 'answers SetVariables / ChangeConfiguration Accepted but does not apply the value' },
    { name: 'read-only-accepted', description: 'accepts writing a read-only variable / configuration key' },
    { name: 'accepts-invalid-values', description: 'accepts badly formatted values in SetVariables / ChangeConfiguration' },
    { name: 'drops-get-variables-entries', description: 'answers only the first entry of a multi-entry GetVariables / GetConfiguration' },
    { name: 'wrong-key-accessibility', description: 'GetConfiguration reports the read-write MeterValueSampleInterval as readonly' },
    { name: 'unknown-key-rejected', description: 'answers ChangeConfiguration of an unknown key with Rejected instead of NotSupported' },
    { name: 'remote-start-ignored', description: 'accepts a remote start but never starts' },
    { name: 'accepts-remote-start-when-unavailable', description: 'accepts RemoteStartTransaction on an unavailable connector' },
    { name: 'accepts-remote-start-when-busy', description: 'accepts RemoteStartTransaction on a connector whose transaction is ongoing' },
    { name: 'accepts-remote-start-connector-0', description: 'accepts RemoteStartTransaction for connectorId 0' },
    { name: 'rejects-remote-stop', description: 'rejects every remote stop, even of its own ongoing transaction' },
    { name: 'accepts-remote-stop-unknown-tx', description: 'accepts a remote stop of a transaction it does not know' },
    { name: 'remote-stop-ignores-id', description: 'answers a remote stop Rejected when the transactionId is unknown, but stops the ongoing transaction anyway' },
    { name: 'availability-lost-on-reset', description: 'forgets an Inoperative connector / charge point over a reset: Available again after the reboot (1.6 §5.2: the availability persists)' },
    { name: 'availability-not-applied', description: 'accepts ChangeAvailability but does not change its status' },
    { name: 'unlock-fails', description: 'answers every UnlockConnector with UnlockFailed' },
  ],
  create: (ctx) => {
    const { core, config } = ctx;
    core.bus.on('powerDown', () => {
      if (!core.has('availability-lost-on-reset')) return;
      ctx.connectors.stationInoperative = false;
      for (const c of ctx.connectors.all) c.outlet.inoperative = false;
    });
    config.behave({
      unknownRejected: core.has('unknown-key-rejected'),
      readOnlyAccepted: core.has('read-only-accepted'),
      acceptInvalidValues: core.has('accepts-invalid-values'),
      ignoreWrites: core.has('ignores-set-variables'),
    });
    return {
      handlers: {
        GetConfiguration: (call) => {
          const keys = call.payload['key'] as string[] | undefined;
          const result = config.get(keys);
          const entries = core.has('drops-get-variables-entries') ? result.configurationKey.slice(0, 1) : result.configurationKey;
          // The defect reports a read-write Core key (1.6 §9.1) as read-only.
          const configurationKey = core.has('wrong-key-accessibility') ? entries.map((e) => (e.key === 'MeterValueSampleInterval' ? { ...e, readonly: true } : e)) : entries;
          return { configurationKey, ...(result.unknownKey.length > 0 ? { unknownKey: result.unknownKey } : {}) };
        },
        ChangeConfiguration: (call) => ({ status: config.change(String(call.payload['key']), String(call.payload['value'])) }),
        Reset: (call) => reset(ctx, call),
        ChangeAvailability: (call) => changeAvailability(ctx, call),
        RemoteStartTransaction: (call) => remoteStart(ctx, call),
        RemoteStopTransaction: (call) => remoteStop(ctx, call),
      },
      actions: {
        reconfigure: async (params) => {
          const key = textParam(params, 'key', textParam(params, 'variable'));
          if (!config.find(key)) return { done: false, reason: `unknown configuration key ${key}` };
          config.configure({ [key]: textParam(params, 'value') });
          return { done: true };
        },
      },
    };
  },
};

function reset({ core }: Context16, call: InboundCall): JsonObject {
  const type = String(call.payload['type']);
  if (!core.has('reset-without-reboot')) {
    call.after(async () => {
      core.powerDown('reset', type);
      await core.drainQueue(5_000);
      void core.reboot('RemoteReset');
    });
  }
  return { status: 'Accepted' };
}

function changeAvailability({ core, connectors }: Context16, call: InboundCall): JsonObject {
  const connectorId = Number(call.payload['connectorId']);
  const inoperative = call.payload['type'] === 'Inoperative';
  const targets = connectorId === 0 ? connectors.all : connectors.all.filter((c) => c.outlet.id === connectorId);
  if (targets.length === 0) return { status: 'Rejected' };
  const scheduled = inoperative && targets.some((c) => c.tx && !c.tx.stopped);
  if (!core.has('availability-not-applied')) {
    call.after(async () => {
      if (connectorId === 0) {
        connectors.stationInoperative = inoperative;
        await core.send('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: inoperative ? 'Unavailable' : 'Available', timestamp: core.nowIso() });
      }
      for (const c of targets) {
        if (inoperative && c.tx && !c.tx.stopped) c.outlet.scheduledInoperative = true;
        else c.outlet.inoperative = inoperative;
        await connectors.report(c, false);
      }
    });
  }
  return { status: scheduled ? 'Scheduled' : 'Accepted' };
}

function remoteStart(ctx: Context16, call: InboundCall): JsonObject {
  const { core, config, connectors } = ctx;
  const idTag = String(call.payload['idTag']);
  const requested = call.payload['connectorId'] as number | undefined;
  if (requested === 0 && !core.has('accepts-remote-start-connector-0')) return { status: 'Rejected' };
  const c = requested === undefined || requested === 0 ? connectors.all.find((x) => !x.tx && !x.authorized) : connectors.byId(requested);
  if (!c) return { status: 'Rejected' };
  // 1.6 §5.11: a connector with a transaction (or an authorization waiting for one) cannot start another.
  const busy = (c.tx !== undefined && !c.tx.stopped) || c.authorized !== undefined;
  const unavailable = c.outlet.inoperative || connectors.stationInoperative || c.outlet.faulted;
  const unusable = busy || unavailable;
  if (unavailable && !core.has('accepts-remote-start-when-unavailable')) return { status: 'Rejected' };
  if (busy && !core.has('accepts-remote-start-when-busy')) return { status: 'Rejected' };
  if (!core.has('remote-start-ignored') && !unusable) {
    call.after(async () => {
      if (config.bool('AuthorizeRemoteTxRequests')) {
        const info = await ctx.authorization.authorize(idTag);
        if (info.status !== 'Accepted') return;
      }
      const reservationId = connectors.claim(c, idTag);
      if (reservationId === 'refused') return;
      c.authorized = { idTag, ...(reservationId === undefined ? {} : { reservationId }) };
      // A Reserved connector is Preparing once its reserved idTag took it up (OCTT 1.6 §2.25 Charging).
      if (reservationId !== undefined) await connectors.report(c, false);
      if (c.outlet.cableConnected) ctx.transactions.startTx(c);
      else ctx.transactions.startConnectionTimer(c);
      await connectors.report(c, false);
    });
  }
  return { status: 'Accepted' };
}

function remoteStop(ctx: Context16, call: InboundCall): JsonObject {
  if (ctx.core.has('rejects-remote-stop')) return { status: 'Rejected' };
  const id = Number(call.payload['transactionId']);
  const c = ctx.connectors.all.find((x) => x.tx && !x.tx.stopped && x.tx.transactionId === id);
  if (!c) {
    const running = ctx.connectors.all.find((x) => x.tx && !x.tx.stopped);
    if (running && ctx.core.has('remote-stop-ignores-id')) {
      call.after(async () => {
        ctx.transactions.stopTx(running, 'Remote');
        await ctx.connectors.report(running, false);
      });
    }
    return { status: ctx.core.has('accepts-remote-stop-unknown-tx') ? 'Accepted' : 'Rejected' };
  }
  call.after(async () => {
    ctx.transactions.stopTx(c, 'Remote');
    await ctx.connectors.report(c, false);
  });
  return { status: 'Accepted' };
}
