/**
 * The station's event bus: the core announces lifecycle moments (boot accepted, power down,
 * power off, a transaction ended) and the functional-block modules react, so no block calls
 * into another block's file to learn that something happened. Listeners run in registration
 * order, which is the order of the version's block list.
 */
export interface StationEvents {
  /** BootNotification Accepted and the connector statuses sent (Part 6 reusable state Booted). */
  bootAccepted: undefined;
  /** A power cut starts (before powerDown): a station with back-up power may still send now (awaited). */
  powerFailing: undefined;
  /** Before a reboot or a power loss: transactions end, authorizations drop. */
  powerDown: { kind: 'reset' | 'powerLoss'; resetType?: string };
  /** Power is off: every block stops its own timers. */
  powerOff: undefined;
  /** A 2.0.1 transaction of this EVSE ended (block E); scheduled availability (G) and reset (B) may now apply. */
  transactionEnded: { evseId: number };
  /** A 2.0.1 EVSE's connector statuses were reported while it is Faulted or Unavailable; its reservation ends (H01.FR.16/17). */
  evseUnusable: { evseId: number };
}

type Listener<T> = (payload: T) => void | Promise<void>;

export class EventBus<E extends object> {
  private readonly listeners = new Map<keyof E, Array<Listener<never>>>();

  on<K extends keyof E>(type: K, listener: Listener<E[K]>): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Synchronous: every listener runs now; a listener's promise is not awaited. */
  emit<K extends keyof E>(type: K, payload: E[K]): void {
    for (const listener of this.of(type)) void listener(payload);
  }

  /**
   * One listener after the other, each awaited (the order of messages on the wire depends on it).
   * A listener that returns nothing lets the next one run in the same tick, as a direct call would.
   */
  async emitSerial<K extends keyof E>(type: K, payload: E[K]): Promise<void> {
    for (const listener of this.of(type)) {
      const pending = listener(payload);
      if (pending) await pending;
    }
  }

  private of<K extends keyof E>(type: K): Array<Listener<E[K]>> {
    return [...((this.listeners.get(type) ?? []) as Array<Listener<E[K]>>)];
  }
}
