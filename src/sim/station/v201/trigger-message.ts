/**
 * Block F, TriggerMessage (Part 2 F06): part of the remote-control block module, split out to keep
 * files small. Accepted messages are sent after the response (F06.FR.05); an EVSE that does not
 * matter for the requested message is ignored (F06.FR.03); without an EVSE the EVSE-bound messages
 * are sent for every EVSE (F06.FR.11); a message the station does not implement is NotImplemented
 * (F06.FR.08); BootNotification after an Accepted registration is Rejected (F06.FR.17).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { DefectDecl } from '../../defect-registry.js';
import type { Context201 } from './context.js';
import type { Evse } from './evse.js';

export const triggerDefects: readonly DefectDecl[] = [
  { name: 'trigger-message-ignored', description: 'accepts TriggerMessage but sends nothing' },
  { name: 'trigger-rejects-specific-evse', description: 'rejects every TriggerMessage that names an EVSE' },
  { name: 'trigger-all-evse-rejected', description: 'rejects TriggerMessage for MeterValues or TransactionEvent when no EVSE is named (instead of sending it for every EVSE)' },
  { name: 'triggered-meter-values-wrong-context', description: 'the readings of a triggered MeterValues or TransactionEvent say context Sample.Periodic instead of Trigger' },
  { name: 'triggered-tx-event-without-meter-value', description: 'a triggered TransactionEvent carries no meterValue' },
  { name: 'trigger-log-status-rejected', description: 'rejects TriggerMessage for LogStatusNotification' },
  { name: 'trigger-firmware-status-rejected', description: 'rejects TriggerMessage for FirmwareStatusNotification' },
  { name: 'triggered-status-always-available', description: 'a triggered StatusNotification says Available whatever the state of the connector' },
  { name: 'trigger-boot-after-accepted', description: 'accepts TriggerMessage for BootNotification after its registration was Accepted, and boots again' },
  { name: 'trigger-not-implemented-rejected', description: 'answers TriggerMessage for a message it does not implement with Rejected instead of NotImplemented' },
];

/** Messages that belong to an EVSE: for these the evse field of the request counts. */
const evseBound = new Set(['MeterValues', 'TransactionEvent', 'StatusNotification']);

export function triggerMessage(ctx: Context201, call: InboundCall): JsonObject {
  const { core, evses } = ctx;
  const requested = String(call.payload['requestedMessage']);
  const target = call.payload['evse'] as { id: number; connectorId?: number } | undefined;
  if (target && core.has('trigger-rejects-specific-evse')) return { status: 'Rejected' };
  const bound = evseBound.has(requested);
  const chosen = bound && target ? evses.all.filter((e) => e.outlet.id === target.id) : evses.all;
  if (bound && target && chosen.length === 0) return { status: 'Rejected' };
  if (bound && !target && requested !== 'StatusNotification' && core.has('trigger-all-evse-rejected')) return { status: 'Rejected' };
  const go = (fn: () => Promise<unknown> | void): JsonObject => {
    if (!core.has('trigger-message-ignored')) call.after(async () => void (await fn()));
    return { status: 'Accepted' };
  };
  const context = core.has('triggered-meter-values-wrong-context') ? 'Sample.Periodic' : 'Trigger';
  switch (requested) {
    case 'BootNotification':
      if (core.accepted) {
        if (!core.has('trigger-boot-after-accepted')) return { status: 'Rejected' };
        return go(() => core.send('BootNotification', { ...core.bootPayload(), reason: 'Triggered' }, { anyState: true }));
      }
      return go(() => {
        // Part 6 TC_B_02_CS step 15: the triggered BootNotification says reason Triggered.
        core.setBootReason('Triggered');
        void core.triggerBoot();
      });
    case 'Heartbeat':
      return go(() => core.send('Heartbeat', {}, { anyState: true }));
    case 'StatusNotification':
      return go(async () => {
        for (const evse of chosen) {
          for (const c of evse.outlet.connectorIds) {
            if (target?.connectorId !== undefined && target.connectorId !== c) continue;
            const connectorStatus = core.has('triggered-status-always-available') ? 'Available' : evses.statusOf(evse, c);
            await core.send('StatusNotification', { timestamp: core.nowIso(), connectorStatus, evseId: evse.outlet.id, connectorId: c }, { anyState: true });
          }
        }
      });
    case 'MeterValues':
      return go(async () => {
        for (const evse of chosen) {
          const meterValue = ctx.meterValues.sampled(evse, ctx.deviceModel.list('AlignedDataCtrlr', 'Measurands'), context);
          if (meterValue.length > 0) await core.send('MeterValues', { evseId: evse.outlet.id, meterValue }, { anyState: true });
        }
      });
    case 'TransactionEvent': {
      const withTx = chosen.filter((e) => e.tx && !e.tx.ended);
      if (withTx.length === 0) return { status: 'Rejected' };
      return go(() => {
        for (const evse of withTx) ctx.transactions.txEvent(evse, 'Updated', 'Trigger', triggeredReadings(ctx, evse, context));
      });
    }
    case 'LogStatusNotification':
      if (core.has('trigger-log-status-rejected')) return { status: 'Rejected' };
      return go(() => core.send('LogStatusNotification', ctx.logStatus.triggeredStatus(), { anyState: true }));
    case 'FirmwareStatusNotification':
      if (core.has('trigger-firmware-status-rejected')) return { status: 'Rejected' };
      return go(() => core.send('FirmwareStatusNotification', ctx.firmwareStatus.triggeredStatus(), { anyState: true }));
    case 'SignChargingStationCertificate':
    case 'SignV2GCertificate':
      return ctx.certificateSigning.trigger(requested === 'SignV2GCertificate' ? 'V2GCertificate' : 'ChargingStationCertificate', call);
    default:
      return { status: core.has('trigger-not-implemented-rejected') ? 'Rejected' : 'NotImplemented' };
  }
}

/** F06.FR.07 (Part 6 TC_F_13_CS step 3): a triggered TransactionEvent carries the current readings. */
function triggeredReadings(ctx: Context201, evse: Evse, context: string): { meterValue?: JsonObject[] } {
  if (ctx.core.has('triggered-tx-event-without-meter-value')) return {};
  const meterValue = ctx.meterValues.sampled(evse, ctx.deviceModel.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), context);
  return meterValue.length > 0 ? { meterValue } : {};
}
