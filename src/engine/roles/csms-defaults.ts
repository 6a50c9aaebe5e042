/**
 * How the harness answers a charging station by default when it plays the CSMS: accept the
 * boot with the configured heartbeat interval, answer heartbeats with the time, acknowledge
 * notifications, and authorize by the configured idTokens (valid → Accepted, blocked → Blocked,
 * expired → Expired, anything else → Invalid). Cases override single actions with ctx.respond.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { ConfiguredValues } from '../configured-values.js';
import type { Responders } from '../responders.js';

const nowIso = (): string => new Date().toISOString();

export function tokenStatus(config: ConfiguredValues, token: string | undefined): 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' {
  const t = config.idTokens;
  if (token === undefined) return 'Invalid';
  if (token === t.valid.idToken || token === t.validSameGroup?.idToken || token === t.masterPass?.idToken) return 'Accepted';
  if (token === t.blocked.idToken) return 'Blocked';
  if (token === t.expired.idToken) return 'Expired';
  return 'Invalid';
}

export function installCsmsDefaults(responders: Responders, version: OcppVersion, config: ConfiguredValues): void {
  const ack = (): JsonObject => ({});
  responders
    .setDefault('BootNotification', () => ({ status: 'Accepted', currentTime: nowIso(), interval: config.heartbeatIntervalS }))
    .setDefault('Heartbeat', () => ({ currentTime: nowIso() }))
    .setDefault('StatusNotification', ack)
    .setDefault('MeterValues', ack)
    .setDefault('FirmwareStatusNotification', ack)
    .setDefault('DataTransfer', () => ({ status: 'UnknownVendorId' }));
  if (version === '1.6') {
    let nextTransactionId = 1;
    const info = (idTag: unknown): JsonObject => ({ status: tokenStatus(config, typeof idTag === 'string' ? idTag : undefined), parentIdTag: config.groupId });
    responders
      .setDefault('Authorize', (c) => ({ idTagInfo: info(c.payload['idTag']) }))
      .setDefault('StartTransaction', (c) => ({ transactionId: nextTransactionId++, idTagInfo: info(c.payload['idTag']) }))
      .setDefault('StopTransaction', (c) => (c.payload['idTag'] === undefined ? {} : { idTagInfo: info(c.payload['idTag']) }))
      .setDefault('DiagnosticsStatusNotification', ack)
      .setDefault('SecurityEventNotification', ack)
      .setDefault('SignedFirmwareStatusNotification', ack)
      .setDefault('LogStatusNotification', ack);
    return;
  }
  const idTokenInfo = (idToken: unknown): JsonObject => {
    const token = idToken && typeof idToken === 'object' ? (idToken as { idToken?: unknown }).idToken : undefined;
    const status = tokenStatus(config, typeof token === 'string' ? token : undefined);
    return status === 'Accepted' ? { status, groupIdToken: { idToken: config.groupId, type: 'Central' } } : { status };
  };
  responders
    .setDefault('Authorize', (c) => ({ idTokenInfo: idTokenInfo(c.payload['idToken']) }))
    .setDefault('TransactionEvent', (c) => (c.payload['idToken'] === undefined ? {} : { idTokenInfo: idTokenInfo(c.payload['idToken']) }))
    .setDefault('NotifyReport', ack)
    .setDefault('NotifyEvent', ack)
    .setDefault('NotifyMonitoringReport', ack)
    .setDefault('SecurityEventNotification', ack)
    .setDefault('LogStatusNotification', ack)
    .setDefault('NotifyChargingLimit', ack)
    .setDefault('NotifyEVChargingNeeds', () => ({ status: 'Accepted' }))
    .setDefault('NotifyEVChargingSchedule', () => ({ status: 'Accepted' }))
    .setDefault('ReportChargingProfiles', ack)
    .setDefault('NotifyCustomerInformation', ack)
    .setDefault('NotifyDisplayMessages', ack)
    .setDefault('ReservationStatusUpdate', ack)
    .setDefault('ClearedChargingLimit', ack);
}
