/**
 * Remote Trigger profile (1.6 §5.17 TriggerMessage): the charge point first answers, then sends
 * what was asked for. Every MessageTrigger of 1.6 §7.37 is implemented (BootNotification,
 * DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues,
 * StatusNotification); anything else is NotImplemented, a connector it does not have Rejected.
 * A connectorId that does not matter for the message is ignored; an absent one means every
 * connector, and for StatusNotification the charge point itself (connector 0) as well.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Connector } from './connector.js';
import type { Block16 } from './context.js';

/** The messages whose content depends on a connector (1.6 §5.17: for the others connectorId is ignored). */
const perConnector = new Set(['MeterValues', 'StatusNotification']);

export const remoteTrigger16: Block16 = {
  name: 'remote-trigger',
  defects: [
    { name: 'trigger-message-ignored', description: 'accepts TriggerMessage but sends nothing' },
    { name: 'trigger-meter-values-not-implemented', description: 'answers TriggerMessage MeterValues with NotImplemented (only status-like messages are implemented)' },
    { name: 'trigger-unknown-connector-accepted', description: 'accepts TriggerMessage for a connector it does not have and sends the message for every connector' },
  ],
  create: (ctx) => ({
    handlers: {
      TriggerMessage: (call) => {
        const { core, connectors } = ctx;
        const requested = String(call.payload['requestedMessage']);
        const connectorId = call.payload['connectorId'] as number | undefined;
        const known = connectorId === undefined || connectorId === 0 || connectors.all.some((c) => c.outlet.id === connectorId);
        const acceptUnknown = core.has('trigger-unknown-connector-accepted');
        if (perConnector.has(requested) && !known && !acceptUnknown) return { status: 'Rejected' };
        const targets: Connector[] = connectorId === undefined || connectorId === 0 || !known ? [...connectors.all] : connectors.all.filter((c) => c.outlet.id === connectorId);
        const go = (fn: () => Promise<unknown>): JsonObject => {
          if (!core.has('trigger-message-ignored')) call.after(async () => void (await fn()));
          return { status: 'Accepted' };
        };
        switch (requested) {
          case 'BootNotification':
            return go(async () => (core.triggerBoot() ? undefined : core.send('BootNotification', core.bootPayload(), { anyState: true })));
          case 'Heartbeat':
            return go(() => core.send('Heartbeat', {}, { anyState: true }));
          case 'StatusNotification':
            return go(async () => {
              if (connectorId === undefined || connectorId === 0) {
                await core.send('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: connectors.stationInoperative ? 'Unavailable' : 'Available', timestamp: core.nowIso() }, { anyState: true });
                if (connectorId === 0) return;
              }
              for (const c of targets) await core.send('StatusNotification', { connectorId: c.outlet.id, errorCode: 'NoError', status: connectors.statusOf(c), timestamp: core.nowIso() }, { anyState: true });
            });
          case 'MeterValues':
            if (core.has('trigger-meter-values-not-implemented')) return { status: 'NotImplemented' };
            return go(async () => {
              for (const c of targets) {
                // §5.17: the most recent values of every measurand in MeterValuesSampledData.
                const meterValue = ctx.meterValues.meterValue(c, ctx.config.list('MeterValuesSampledData'), 'Trigger');
                const tx = c.tx && !c.tx.stopped ? c.tx : undefined;
                if (meterValue.length > 0) await core.send('MeterValues', { connectorId: c.outlet.id, ...(tx?.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }, { anyState: true });
              }
            });
          case 'DiagnosticsStatusNotification':
            // No diagnostics upload is running: Idle (1.6 §4.4, §7.24).
            return go(() => core.send('DiagnosticsStatusNotification', { status: 'Idle' }, { anyState: true }));
          case 'FirmwareStatusNotification':
            // No firmware update is running: Idle (1.6 §4.5, §7.25).
            return go(() => core.send('FirmwareStatusNotification', { status: 'Idle' }, { anyState: true }));
          default:
            return { status: 'NotImplemented' };
        }
      },
    },
  }),
};
