/**
 * OCPP 2.0.1 Part 6 §2.1 "General tool rules/validations" on TransactionEventRequest, judged over
 * every transaction the case touched (SUT = charging station).
 */
import type { JournalEntry } from '../journal.js';
import { frameOf, obj, ourAnswers, type CallInEntry, type GeneralRule, type RuleBreach, type RuleInput } from './types.js';

const part6 = 'Part 6 §2.1 General tool rules';
const only201cs = (version: string, sut: string): boolean => version === '2.0.1' && sut === 'cs';

type TxEvent = CallInEntry & { kind: 'callIn' };
const isTxEvent = (e: JournalEntry): e is TxEvent => e.kind === 'callIn' && e.action === 'TransactionEvent';
const txIdOf = (e: TxEvent): string | undefined => {
  const id = obj(e.payload['transactionInfo'])?.['transactionId'];
  return typeof id === 'string' ? id : undefined;
};
const seqOf = (e: TxEvent): number | undefined => (typeof e.payload['seqNo'] === 'number' ? e.payload['seqNo'] : undefined);

/** The TransactionEvents per transactionId, retransmissions (same seqNo, same payload) counted once. */
function transactions(entries: readonly JournalEntry[]): Map<string, TxEvent[]> {
  const byTx = new Map<string, TxEvent[]>();
  for (const e of entries) {
    if (!isTxEvent(e)) continue;
    const id = txIdOf(e);
    if (id === undefined) continue;
    const list = byTx.get(id) ?? [];
    const same = list.find((o) => seqOf(o) === seqOf(e) && JSON.stringify(o.payload) === JSON.stringify(e.payload));
    if (!same) list.push(e);
    byTx.set(id, list);
  }
  return byTx;
}

/** Transactions with at least one event in the case, whose first event the journal holds. */
function touched(input: RuleInput): Array<[string, TxEvent[]]> {
  return [...transactions(input.entries)].filter(([, list]) => list.some((e) => e.index >= input.caseStart));
}

const bySeq = (list: TxEvent[]): TxEvent[] => [...list].filter((e) => seqOf(e) !== undefined).sort((a, b) => (seqOf(a) ?? 0) - (seqOf(b) ?? 0));

export const seqNoSequential: GeneralRule = {
  id: 'tx-seqno-sequential',
  clause: `${part6}: "the provided seqNo are sequentially numbered in chronological order"`,
  applies: only201cs,
  check(input) {
    const breaches: RuleBreach[] = [];
    for (const [id, list] of touched(input)) {
      const sorted = bySeq(list);
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1] as TxEvent;
        const b = sorted[i] as TxEvent;
        const gap = (seqOf(b) ?? 0) - (seqOf(a) ?? 0);
        if (gap === 1) continue;
        breaches.push({
          rule: this.id,
          clause: this.clause,
          message: gap === 0 ? `transaction ${id}: two different TransactionEvents with seqNo ${seqOf(a)}` : `transaction ${id}: seqNo jumps from ${seqOf(a)} to ${seqOf(b)}`,
          frames: [...frameOf(a), ...frameOf(b)],
        });
      }
    }
    return breaches;
  },
};

export const startedFirstEndedLast: GeneralRule = {
  id: 'tx-started-first-ended-last',
  clause: `${part6}: "The first TransactionEventRequest of a transaction MUST contain eventType Started"; Part 2 E: Ended is the last event of a transaction`,
  applies: only201cs,
  check(input) {
    const breaches: RuleBreach[] = [];
    for (const [id, list] of touched(input)) {
      const sorted = bySeq(list);
      const first = sorted[0];
      const seenFromStart = list[0] !== undefined && list[0].index >= input.caseStart;
      if (first && seenFromStart && first.payload['eventType'] !== 'Started') {
        breaches.push({ rule: this.id, clause: this.clause, message: `transaction ${id}: its first event (seqNo ${seqOf(first)}) is ${String(first.payload['eventType'])}, not Started`, frames: frameOf(first) });
      }
      const starts = list.filter((e) => e.payload['eventType'] === 'Started');
      if (starts.length > 1) {
        breaches.push({ rule: this.id, clause: `${part6}: one transactionId per transaction`, message: `transaction ${id} was Started ${starts.length} times`, frames: starts.flatMap(frameOf) });
      }
      const ended = sorted.find((e) => e.payload['eventType'] === 'Ended');
      const after = ended ? sorted.filter((e) => e !== ended && (seqOf(e) ?? 0) > (seqOf(ended) ?? 0)) : [];
      if (ended && after.length > 0) {
        breaches.push({ rule: this.id, clause: this.clause, message: `transaction ${id}: ${after.length} event(s) after the Ended event (seqNo ${seqOf(ended)})`, frames: [...frameOf(ended), ...after.flatMap(frameOf)] });
      }
    }
    return breaches;
  },
};

/** The first TransactionEvent that arrived after `index`, if any. */
function firstTxEventAfter(entries: readonly JournalEntry[], index: number): TxEvent | undefined {
  return entries.find((e): e is TxEvent => e.index > index && isTxEvent(e));
}

export const idTokenAfterAuthorization: GeneralRule = {
  id: 'tx-idtoken-after-authorization',
  clause: `${part6}: "The first TransactionEventRequest sent after presenting the idToken MUST contain idToken"`,
  applies: only201cs,
  check({ entries, caseStart }) {
    const answers = ourAnswers(entries);
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.index < caseStart || e.kind !== 'callIn' || e.action !== 'Authorize') continue;
      if (obj(answers.get(`${e.connectionId}/${e.messageId}`)?.['idTokenInfo'])?.['status'] !== 'Accepted') continue;
      const next = firstTxEventAfter(entries, e.index);
      if (next && next.payload['idToken'] === undefined) {
        breaches.push({ rule: this.id, clause: this.clause, message: `the first TransactionEvent after the accepted Authorize has no idToken (triggerReason ${String(next.payload['triggerReason'])})`, frames: [...frameOf(e), ...frameOf(next)] });
      }
    }
    return breaches;
  },
};

/** The TransactionEvent right before the Occupied report (no other call in between) already gave evse.id and connectorId. */
function evseReportedJustBefore(entries: readonly JournalEntry[], index: number, evseId: number): boolean {
  const before = entries.filter((x) => x.index < index && x.kind === 'callIn').at(-1);
  if (!before || !isTxEvent(before)) return false;
  const evse = obj(before.payload['evse']);
  return evse?.['id'] === evseId && typeof evse['connectorId'] === 'number';
}

/** Connector reported Occupied (StatusNotification, or NotifyEvent Connector.AvailabilityState). */
function occupiedEvse(e: JournalEntry): number | undefined {
  if (e.kind !== 'callIn') return undefined;
  if (e.action === 'StatusNotification' && e.payload['connectorStatus'] === 'Occupied') return typeof e.payload['evseId'] === 'number' ? e.payload['evseId'] : undefined;
  if (e.action !== 'NotifyEvent' || !Array.isArray(e.payload['eventData'])) return undefined;
  for (const d of e.payload['eventData'] as unknown[]) {
    const data = obj(d);
    if (data?.['actualValue'] === 'Occupied' && obj(data['component'])?.['name'] === 'Connector' && obj(data['variable'])?.['name'] === 'AvailabilityState') {
      const id = obj(obj(data['component'])?.['evse'])?.['id'];
      return typeof id === 'number' ? id : undefined;
    }
  }
  return undefined;
}

export const evseAfterPlugIn: GeneralRule = {
  id: 'tx-evse-after-plug-in',
  clause: `${part6}: "The first TransactionEventRequest sent after connecting the EVSE and EV MUST contain evse.id and evse.connectorId"`,
  applies: only201cs,
  check({ entries, caseStart }) {
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.index < caseStart) continue;
      const evseId = occupiedEvse(e);
      if (evseId === undefined || e.kind !== 'callIn') continue;
      const next = firstTxEventAfter(entries, e.index);
      const evse = next ? obj(next.payload['evse']) : undefined;
      // Part 6 §2.1: the status and the TransactionEvents of a cable event "are allowed to be sent in any order".
      if (evseReportedJustBefore(entries, e.index, evseId)) continue;
      if (next && (typeof evse?.['id'] !== 'number' || typeof evse['connectorId'] !== 'number')) {
        breaches.push({ rule: this.id, clause: this.clause, message: `the first TransactionEvent after EVSE ${evseId} reported Occupied lacks evse.id / evse.connectorId`, frames: [...frameOf(e), ...frameOf(next)] });
      }
    }
    return breaches;
  },
};

export const remoteStartFirstEvent: GeneralRule = {
  id: 'tx-remote-start-first-event',
  clause: `${part6}: "the first TransactionEventRequest sent after receiving a RequestStartTransactionRequest message will contain triggerReason with value RemoteStart … AND will contain transactionInfo.remoteStartId"`,
  applies: only201cs,
  check({ entries, caseStart }) {
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.index < caseStart || e.kind !== 'callOut' || e.action !== 'RequestStartTransaction') continue;
      const answer = entries.find((r) => r.kind === 'resultIn' && r.messageId === e.messageId && r.connectionId === e.connectionId);
      if (answer?.kind !== 'resultIn' || answer.payload['status'] !== 'Accepted') continue;
      const next = firstTxEventAfter(entries, answer.index);
      if (!next) continue;
      const info = obj(next.payload['transactionInfo']);
      if (next.payload['triggerReason'] !== 'RemoteStart' || info?.['remoteStartId'] !== e.payload['remoteStartId']) {
        breaches.push({
          rule: this.id,
          clause: this.clause,
          message: `the first TransactionEvent after the accepted RequestStartTransaction has triggerReason ${String(next.payload['triggerReason'])} and remoteStartId ${JSON.stringify(info?.['remoteStartId'])} (expected RemoteStart, ${JSON.stringify(e.payload['remoteStartId'])})`,
          frames: [...frameOf(answer), ...frameOf(next)],
        });
      }
    }
    return breaches;
  },
};
