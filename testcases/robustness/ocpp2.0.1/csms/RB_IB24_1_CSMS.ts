/**
 * Robustness catalogue (beyond the official one), IB-24: A TransactionEvent retransmitted with the same seqNo is accepted again.
 * Enforces OCPP 2.0.1 Part 2 E13 (a transaction message the CSMS did not confirm is sent again; the CSMS must accept the retransmission).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallResult, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB24_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-24',
  title: "A TransactionEvent retransmitted with the same seqNo is accepted again",
  certification: [],
  robustness: { ib: 'IB-24', clause: "OCPP 2.0.1 Part 2 E13 (a transaction message the CSMS did not confirm is sent again; the CSMS must accept the retransmission)", severity: 'major', notCovered: "the station side (an offline queue across a reboot, one Start and one Stop with their original timestamps) is not exercised; the retry count and spacing are the official TC_E_41_CS / TC_E_50_CS" },
  states: ['Idle'],
  detects: ['rejects-seqno-gap'],
  async run(ctx) {
    const tx = `rb-retry-${Math.floor(ctx.clock.wallMs()) % 1_000_000}`;
    const started: JsonObject = { eventType: 'Started', timestamp: new Date(ctx.clock.wallMs() - 5000).toISOString(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo: { transactionId: tx }, evse: { id: 1, connectorId: 1 } };
    for (const attempt of [1, 2]) {
      const id = rawId(ctx, `retry${attempt}`);
      const answer = await exchange(ctx, `Send TransactionEvent Started seqNo 0 (attempt ${attempt}, the answer to attempt 1 taken as lost)`, callFrame(id, 'TransactionEvent', started));
      expectCallResult(ctx, answer, id, attempt === 1 ? 'the first transmission' : 'a retransmission of the same event');
    }
    const ended: JsonObject = { ...started, eventType: 'Ended', triggerReason: 'EVCommunicationLost', seqNo: 1, transactionInfo: { transactionId: tx, stoppedReason: 'EVDisconnected' } };
    const id = rawId(ctx, 'retry-end');
    expectCallResult(ctx, await exchange(ctx, 'End the transaction (seqNo 1)', callFrame(id, 'TransactionEvent', ended)), id, 'the transaction goes on after a retransmission');
  },
});
