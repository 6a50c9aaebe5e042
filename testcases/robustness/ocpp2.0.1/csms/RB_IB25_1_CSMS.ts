/**
 * Robustness catalogue (beyond the official one), IB-25: Offline TransactionEvents out of order and with a seqNo gap are all accepted.
 * Enforces OCPP 2.0.1 TransactionEventRequest seqNo and offline (seqNo lets the CSMS order the events; offline events arrive late and out of order).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallResult, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB25_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-25',
  title: "Offline TransactionEvents out of order and with a seqNo gap are all accepted",
  certification: [],
  robustness: { ib: 'IB-25', clause: "OCPP 2.0.1 TransactionEventRequest seqNo and offline (seqNo lets the CSMS order the events; offline events arrive late and out of order)", severity: 'major', notCovered: "that the CSMS's own state follows seqNo (not arrival order) is internal and not observable on the wire" },
  states: ['Idle'],
  detects: ['rejects-seqno-gap'],
  async run(ctx) {
    const tx = `rb-${Math.floor(ctx.clock.wallMs()) % 1_000_000}`;
    const at = (s: number): string => new Date(ctx.clock.wallMs() - 60_000 + s * 1000).toISOString();
    const event = (eventType: string, seqNo: number, triggerReason: string): JsonObject => ({ eventType, timestamp: at(seqNo), triggerReason, seqNo, offline: true, transactionInfo: { transactionId: tx }, evse: { id: 1, connectorId: 1 } });
    for (const [title, payload] of [
      ['Started, seqNo 0', event('Started', 0, 'CablePluggedIn')],
      ['Updated, seqNo 2 (seqNo 1 still queued)', event('Updated', 2, 'MeterValuePeriodic')],
      ['Updated, seqNo 1 (late)', event('Updated', 1, 'MeterValuePeriodic')],
      ['Ended, seqNo 3', { ...event('Ended', 3, 'EVCommunicationLost'), transactionInfo: { transactionId: tx, stoppedReason: 'EVDisconnected' } }],
    ] as const) {
      const id = rawId(ctx, `tx${title.slice(-1)}`);
      const answer = await exchange(ctx, `Send TransactionEvent ${title}`, callFrame(id, 'TransactionEvent', payload));
      expectCallResult(ctx, answer, id, 'an offline event is accepted whatever order it arrives in');
    }
  },
});
