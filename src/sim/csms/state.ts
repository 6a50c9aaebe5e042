/**
 * What the CSMS simulator remembers: each station's registration (boot) state and connectors,
 * every transaction it was told about, and the last messages on the wire. JSON-serialisable for
 * the control API's `GET /state`; never holds a secret.
 */
import { HarnessError } from '../../errors.js';
import type { JsonObject } from '../../protocol/frames.js';
import type { CounterName } from './triggers.js';

/** 2.0.1 RegistrationStatusEnumType = 1.6 RegistrationStatus. */
export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';
export const bootStatuses: readonly BootStatus[] = ['Accepted', 'Pending', 'Rejected'];

export interface StationRecord {
  id: string;
  connected: boolean;
  connectionId?: string;
  connectedAt?: string;
  /** BootNotifications answered so far (indexes the boot policy). */
  bootCount: number;
  /** undefined until the first BootNotification since the simulator started. */
  bootStatus?: BootStatus;
  vendor?: string;
  model?: string;
  lastHeartbeatAt?: string;
  /** "evseId/connectorId" (1.6: connectorId) → last reported status. */
  connectors: Record<string, string>;
  /** 2.0.1 B02: while Pending, the CALLs a TriggerMessage / GetBaseReport / GetReport asked for. */
  pendingAllowed: string[];
}

export interface TransactionRecord {
  stationId: string;
  /** 2.0.1 transactionId as sent by the station; 1.6 the integer we assigned, as a string. */
  transactionId: string;
  ongoing: boolean;
  evseId?: number;
  connectorId?: number;
  idToken?: string;
  startedAt: string;
  endedAt?: string;
  /** TransactionEvents (2.0.1) or Start/Stop/MeterValues messages (1.6) received. */
  messages: number;
  lastEventType?: string;
  lastTriggerReason?: string;
  lastSeqNo?: number;
  chargingState?: string;
  stoppedReason?: string;
  remoteStartId?: number;
  meterStartWh?: number;
  meterStopWh?: number;
}

export interface MessageRecord {
  at: string;
  stationId: string;
  /** callIn/resultOut/errorOut: the station called us; callOut/resultIn/errorIn: we called it. */
  event: string;
  action?: string;
  messageId: string;
  errorCode?: string;
}

/** How many messages the snapshot keeps. */
export const rememberedMessages = 50;

export class CsmsState {
  readonly stations = new Map<string, StationRecord>();
  readonly transactions: TransactionRecord[] = [];
  readonly messages: MessageRecord[] = [];
  private readonly counters: Record<CounterName, number> = { remoteStartId: 0, requestId: 0, chargingProfileId: 0, reservationId: 0, localListVersion: 0 };
  private next16TransactionId = 1;
  lastReservationId: number | undefined;

  station(id: string): StationRecord {
    let record = this.stations.get(id);
    if (record === undefined) {
      record = { id, connected: false, bootCount: 0, connectors: {}, pendingAllowed: [] };
      this.stations.set(id, record);
    }
    return record;
  }

  next(counter: CounterName): number {
    this.counters[counter] += 1;
    return this.counters[counter];
  }

  /** 1.6: the Central System numbers transactions (StartTransaction.conf transactionId). */
  newTransactionId16(): number {
    return this.next16TransactionId++;
  }

  transaction(stationId: string, transactionId: string): TransactionRecord | undefined {
    return this.transactions.find((t) => t.stationId === stationId && t.transactionId === transactionId);
  }

  ongoingTransaction(stationId: string): TransactionRecord | undefined {
    return this.transactions.filter((t) => t.stationId === stationId && t.ongoing).at(-1);
  }

  endedTransaction(stationId: string): TransactionRecord | undefined {
    return this.transactions.filter((t) => t.stationId === stationId && !t.ongoing).at(-1);
  }

  remember(message: MessageRecord): void {
    this.messages.push(message);
    if (this.messages.length > rememberedMessages) this.messages.splice(0, this.messages.length - rememberedMessages);
  }

  toJSON(): JsonObject {
    return {
      stations: [...this.stations.values()].map((s) => ({ ...s, connectors: { ...s.connectors }, pendingAllowed: [...s.pendingAllowed] })),
      transactions: this.transactions.map((t) => ({ ...t })),
      lastMessages: this.messages.map((m) => ({ ...m })),
    };
  }
}

/** A boot policy from names, any case (`pending` → Pending). */
export function checkBootPolicy(list: readonly string[]): BootStatus[] {
  if (list.length === 0) throw new HarnessError('E_USAGE', 'the boot policy needs at least one status');
  return list.map((s) => {
    const hit = bootStatuses.find((b) => b.toLowerCase() === s.toLowerCase());
    if (hit === undefined) throw new HarnessError('E_USAGE', `"${s}" is not a boot status; use ${bootStatuses.join(', ')}`);
    return hit;
  });
}

