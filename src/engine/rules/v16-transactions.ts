/**
 * OCPP 1.6 transaction rules the OCTT 1.6 document takes from the specification (its §1.3 general
 * pre- and post-conditions leave the message rules to OCPP 1.6 itself), SUT = charge point.
 */
import type { JournalEntry } from '../journal.js';
import { frameOf, obj, ourAnswers, type GeneralRule, type RuleBreach } from './types.js';

const only16cs = (version: string, sut: string): boolean => version === '1.6' && sut === 'cs';

/** transactionId → connectorId, for every StartTransaction.conf the harness sent. */
function issuedTransactions(entries: readonly JournalEntry[]): Map<number, { connectorId: unknown; startIndex: number }> {
  const answers = ourAnswers(entries);
  const issued = new Map<number, { connectorId: unknown; startIndex: number }>();
  for (const e of entries) {
    if (e.kind !== 'callIn' || e.action !== 'StartTransaction') continue;
    const id = answers.get(`${e.connectionId}/${e.messageId}`)?.['transactionId'];
    if (typeof id === 'number') issued.set(id, { connectorId: e.payload['connectorId'], startIndex: e.index });
  }
  return issued;
}

export const knownTransactionId: GeneralRule = {
  id: 'v16-known-transaction-id',
  clause: 'OCPP 1.6 §6.49 StopTransaction.req transactionId "the transaction-id as received by the StartTransaction.conf"; §4.7 MeterValues: "The transactionId of the transaction to which these values are related"',
  applies: only16cs,
  check({ entries, caseStart }) {
    const issued = issuedTransactions(entries);
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.index < caseStart || e.kind !== 'callIn' || (e.action !== 'StopTransaction' && e.action !== 'MeterValues')) continue;
      const id = e.payload['transactionId'];
      if (id === undefined && e.action === 'MeterValues') continue;
      const known = typeof id === 'number' ? issued.get(id) : undefined;
      if (!known || known.startIndex > e.index) {
        breaches.push({ rule: this.id, clause: this.clause, message: `${e.action} names transactionId ${JSON.stringify(id)}, which no earlier StartTransaction.conf gave`, frames: frameOf(e) });
      } else if (e.action === 'MeterValues' && known.connectorId !== e.payload['connectorId']) {
        breaches.push({ rule: this.id, clause: this.clause, message: `MeterValues for connector ${String(e.payload['connectorId'])} names transaction ${String(id)} of connector ${String(known.connectorId)}`, frames: frameOf(e) });
      }
    }
    return breaches;
  },
};

export const noAvailableDuringTransaction: GeneralRule = {
  id: 'v16-status-during-transaction',
  clause: 'OCPP 1.6 §7.7 ChargePointStatus Available: "When a Connector becomes available for a new user" — not while its transaction runs',
  applies: only16cs,
  check({ entries, caseStart }) {
    const answers = ourAnswers(entries);
    const running = new Map<unknown, { transactionId: unknown; frames: number[] }>();
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.kind !== 'callIn') continue;
      if (e.action === 'StartTransaction') {
        const answer = answers.get(`${e.connectionId}/${e.messageId}`);
        if (obj(answer?.['idTagInfo'])?.['status'] === 'Accepted') running.set(e.payload['connectorId'], { transactionId: answer?.['transactionId'], frames: frameOf(e) });
      } else if (e.action === 'StopTransaction') {
        for (const [connector, tx] of running) if (tx.transactionId === e.payload['transactionId']) running.delete(connector);
      } else if (e.action === 'StatusNotification' && e.payload['status'] === 'Available') {
        const tx = running.get(e.payload['connectorId']);
        if (tx && e.index >= caseStart) {
          breaches.push({ rule: this.id, clause: this.clause, message: `connector ${String(e.payload['connectorId'])} reported Available while transaction ${String(tx.transactionId)} was running`, frames: [...tx.frames, ...frameOf(e)] });
        }
      }
    }
    return breaches;
  },
};
