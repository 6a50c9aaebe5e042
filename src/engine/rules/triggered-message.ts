/**
 * A TriggerMessage the station answered Accepted is followed by the message it asked for (issue
 * #11: stations that accept and send nothing cost every case a silent wait).
 *
 * OCPP 1.6 §5.17: "In the TriggerMessage.conf the Charge Point SHALL indicate whether it will send
 * it or not, by returning ACCEPTED or REJECTED … Messages that the Charge Point marks as accepted
 * SHOULD be sent." 2.0.1 F06 (Trigger message) says the same of TriggerMessageResponse Accepted.
 * The document says SHOULD, so a breach is a warning finding: it names the trigger and never fails
 * a case by itself (a case that needs the message fails on its own expectation).
 */
import type { JournalEntry } from '../journal.js';
import { frameOf, obj, type GeneralRule, type RuleBreach } from './types.js';

/** requestedMessage (MessageTrigger / MessageTriggerEnumType) → the action the station sends. */
const actionOf: Record<string, string> = {
  SignChargePointCertificate: 'SignCertificate',
  SignChargingStationCertificate: 'SignCertificate',
  SignV2GCertificate: 'SignCertificate',
  SignCombinedCertificate: 'SignCertificate',
};

export const triggeredMessageSent: GeneralRule = {
  id: 'triggered-message-sent',
  clause: 'OCPP 1.6 §5.17 / 2.0.1 F06: "Messages that the Charge Point marks as accepted SHOULD be sent"',
  // The harness plays the CSMS: it sends the TriggerMessage, the station under test must follow up.
  applies: (_version, sut) => sut === 'cs',
  check({ entries, caseStart, caseEnd }) {
    const breaches: RuleBreach[] = [];
    const end = caseEnd ?? Number.POSITIVE_INFINITY;
    for (const e of entries) {
      if (e.kind !== 'callOut' || (e.action !== 'TriggerMessage' && e.action !== 'ExtendedTriggerMessage')) continue;
      // Only triggers the case itself sent (not its restore's): the breach belongs to the case.
      if (e.index < caseStart || e.index >= end) continue;
      const requested = typeof e.payload['requestedMessage'] === 'string' ? e.payload['requestedMessage'] : undefined;
      if (!requested) continue;
      const answer = entries.find((r): r is Extract<JournalEntry, { kind: 'resultIn' | 'resultOut' }> => r.kind === 'resultIn' && r.connectionId === e.connectionId && r.messageId === e.messageId);
      if (!answer || obj(answer.payload)?.['status'] !== 'Accepted') continue;
      const action = actionOf[requested] ?? requested;
      // Anything after the Accepted answer counts, on any connection (a triggered BootNotification
      // may come after a reconnect), until the end of the case's restore.
      const sent = entries.some((r) => r.index > answer.index && r.kind === 'callIn' && r.action === action);
      if (sent) continue;
      breaches.push({
        rule: this.id,
        clause: this.clause,
        message: `${e.action} ${requested} was answered Accepted, but no ${action} followed before the case and its restore ended`,
        frames: [...frameOf(e), ...frameOf(answer)],
        severity: 'warning',
      });
    }
    return breaches;
  },
};
