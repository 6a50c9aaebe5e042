/**
 * OCPP-J Part 4 §4.1.4 (1.6: OCPP-J 1.6 §4.1.3 "unique message ID"): "A message ID for any CALL
 * message MUST be different from all message IDs previously used by the same sender for any other
 * CALL messages on any WebSocket connection using the same unique Charging Station identifier.
 * This also applies to retries of messages."
 */
import { frameOf, type CallInEntry, type GeneralRule, type RuleBreach } from './types.js';

export const uniqueMessageIds: GeneralRule = {
  id: 'unique-call-message-ids',
  clause: 'OCPP-J Part 4 §4.1.4: "A message ID for any CALL message MUST be different from all message IDs previously used by the same sender … on any WebSocket connection … This also applies to retries"',
  applies: () => true,
  check({ entries, caseStart }) {
    const identityOf = new Map<string, string>();
    const seen = new Map<string, CallInEntry>();
    const breaches: RuleBreach[] = [];
    for (const e of entries) {
      if (e.kind === 'connected') identityOf.set(e.connectionId, e.identity ?? '');
      if (e.kind !== 'callIn') continue;
      const key = `${identityOf.get(e.connectionId) ?? ''}\u0000${e.messageId}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, e);
        continue;
      }
      if (e.index >= caseStart) {
        breaches.push({
          rule: this.id,
          clause: this.clause,
          message: `the DUT reused CALL message id "${e.messageId}" (${first.action}, then ${e.action})`,
          frames: [...frameOf(first), ...frameOf(e)],
        });
      }
    }
    return breaches;
  },
};
