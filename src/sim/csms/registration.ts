/**
 * Boot registration and the clock, answered the same way in both versions: BootNotification with
 * the boot policy's status and the interval (heartbeat when Accepted, retry otherwise), and
 * Heartbeat with the current time (RFC 3339 UTC).
 */
import type { JsonObject } from '../../protocol/frames.js';
import { obj, str } from './block.js';
import type { ResponderHost } from './responses.js';
import type { BootStatus, StationRecord } from './state.js';

/** currentTime: RFC 3339 UTC; the heartbeat-wrong-time defect drops the offset (local time). */
export function currentTime(host: Pick<ResponderHost, 'has' | 'wallMs'>): string {
  const now = new Date(host.wallMs());
  if (!host.has('heartbeat-wrong-time')) return now.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

function bootInterval(host: ResponderHost, status: BootStatus): number {
  const configured = status === 'Accepted' ? host.heartbeatIntervalS : host.retryIntervalS;
  if (host.has('boot-without-interval')) return 0;
  // A typical bug: the interval comes from a default instead of the station's configuration.
  if (host.has('wrong-boot-interval')) return configured === 86_400 ? 3_600 : 86_400;
  return configured;
}

export function bootAnswer(host: ResponderHost, station: StationRecord, payload: JsonObject): JsonObject {
  const status: BootStatus = host.has('boot-always-pending') ? 'Pending' : host.bootStatusFor(station);
  station.bootCount += 1;
  station.bootStatus = status;
  station.pendingAllowed = [];
  const cs = obj(payload.chargingStation);
  const vendor = str(cs?.vendorName) ?? str(payload.chargePointVendor);
  const model = str(cs?.model) ?? str(payload.chargePointModel);
  if (vendor !== undefined) station.vendor = vendor;
  if (model !== undefined) station.model = model;
  return { currentTime: currentTime(host), interval: bootInterval(host, status), status };
}

export function heartbeatAnswer(host: ResponderHost, station: StationRecord): JsonObject {
  const now = currentTime(host);
  station.lastHeartbeatAt = new Date(host.wallMs()).toISOString();
  return { currentTime: now };
}

/** The defects of boot registration, declared by the provisioning block (2.0.1) and the core profile (1.6). */
export const registrationDefects = [
  { name: 'boot-without-interval', description: 'answers BootNotification with interval 0' },
  { name: 'wrong-boot-interval', description: 'answers BootNotification with an interval other than the configured one' },
  { name: 'boot-always-pending', description: 'answers every BootNotification with Pending, never Accepted' },
  { name: 'heartbeat-wrong-time', description: 'Heartbeat/BootNotification currentTime is local time without a UTC offset (not RFC 3339)' },
] as const;
