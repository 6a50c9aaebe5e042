/** Remote Trigger profile (1.6 §5.17 TriggerMessage): the charge point sends what was asked for. */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block16 } from './context.js';

export const remoteTrigger16: Block16 = {
  name: 'remote-trigger',
  defects: [{ name: 'trigger-message-ignored', description: 'accepts TriggerMessage but sends nothing' }],
  create: (ctx) => ({
    handlers: {
      TriggerMessage: (call) => {
        const { core, connectors } = ctx;
        const requested = String(call.payload['requestedMessage']);
        const connectorId = call.payload['connectorId'] as number | undefined;
        const targets = connectorId === undefined ? connectors.all : connectors.all.filter((c) => c.outlet.id === connectorId);
        if (connectorId !== undefined && connectorId !== 0 && targets.length === 0) return { status: 'Rejected' };
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
              for (const c of targets) await core.send('StatusNotification', { connectorId: c.outlet.id, errorCode: 'NoError', status: connectors.statusOf(c), timestamp: core.nowIso() }, { anyState: true });
            });
          case 'MeterValues':
            return go(async () => {
              for (const c of targets) {
                const meterValue = ctx.meterValues.meterValue(c, ctx.config.list('MeterValuesSampledData'), 'Trigger');
                const tx = c.tx && !c.tx.stopped ? c.tx : undefined;
                if (meterValue.length > 0) await core.send('MeterValues', { connectorId: c.outlet.id, ...(tx?.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }, { anyState: true });
              }
            });
          case 'DiagnosticsStatusNotification':
            return go(() => core.send('DiagnosticsStatusNotification', { status: 'Idle' }, { anyState: true }));
          case 'FirmwareStatusNotification':
            return go(() => core.send('FirmwareStatusNotification', { status: 'Idle' }, { anyState: true }));
          default:
            return { status: 'NotImplemented' };
        }
      },
    },
  }),
};
