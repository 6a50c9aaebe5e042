/**
 * The boot registration loop (Part 2 B01–B03 / 1.6 §4.2): BootNotification until Accepted,
 * retrying after the interval the CSMS returned (or at once when triggered while Pending), and
 * nothing but BootNotification before Accepted.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallOutcome, OcppEndpoint } from '../../../session/endpoint.js';
import type { BootState } from './options.js';

export interface BootHost {
  payload(): JsonObject;
  has(defect: string): boolean;
  messageTimeoutMs(): number;
  /** Retry when the CSMS gave no usable interval or did not answer. */
  bootRetryMs(): number;
  setRegistration(state: BootState): void;
  /** Accepted: apply the heartbeat interval and send what follows a boot. */
  accepted(ep: OcppEndpoint, intervalS: number): Promise<void>;
  /** The sends-before-boot-accepted defect. */
  misbehaveWhileNotAccepted(): Promise<void>;
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** Armed while waiting for the next attempt: calling it retries at once. */
  setTrigger(trigger: (() => void) | undefined): void;
}

export async function bootLoop(host: BootHost, ep: OcppEndpoint, signal: AbortSignal): Promise<void> {
  while (!signal.aborted && !ep.closed) {
    let payload = host.payload();
    if (host.has('invalid-boot-payload')) payload = breakBootPayload(payload);
    let out: CallOutcome;
    try {
      out = await ep.call('BootNotification', payload, { timeoutMs: host.messageTimeoutMs() });
    } catch {
      return;
    }
    if (out.status === 'closed' || signal.aborted) return;
    let waitMs = host.bootRetryMs();
    if (out.status === 'result') {
      const status = String(out.payload['status']);
      const interval = Number(out.payload['interval'] ?? 0);
      const state = status === 'Accepted' || status === 'Pending' || status === 'Rejected' ? status : 'Rejected';
      host.setRegistration(state);
      if (state === 'Accepted') {
        await host.accepted(ep, interval);
        return;
      }
      if (interval > 0) waitMs = interval * 1000;
      if (host.has('sends-before-boot-accepted') || (state === 'Rejected' && host.has('sends-session-while-rejected'))) void host.misbehaveWhileNotAccepted();
    }
    // Part 2 B02.FR.01 / B03.FR.03: retry after the interval (or when triggered while Pending).
    if (host.has('ignores-boot-retry-interval')) waitMs = 50;
    const trigger = new Promise<void>((resolve) => host.setTrigger(resolve));
    const timer = new AbortController();
    await Promise.race([host.sleep(waitMs, timer.signal), trigger]);
    timer.abort();
    host.setTrigger(undefined);
  }
}

/** invalid-boot-payload: drop the required model field (schema: required property missing). */
function breakBootPayload(payload: JsonObject): JsonObject {
  const cs = payload['chargingStation'];
  if (cs && typeof cs === 'object') {
    const { model: _model, ...rest } = cs as JsonObject;
    return { ...payload, chargingStation: rest };
  }
  const { chargePointModel: _m, ...rest } = payload;
  return rest;
}
