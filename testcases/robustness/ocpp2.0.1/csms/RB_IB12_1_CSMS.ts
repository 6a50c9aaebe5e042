/**
 * Robustness catalogue (beyond the official one), IB-12: A CALL whose message id is a number is rejected, not answered under the number.
 * Enforces OCPP-J 2.0.1 Part 4 §4.1.3 (the message id is a string).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { aliveProbe, callFrame, codes, exchange, expectCallError, expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB12_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-12',
  title: "A CALL whose message id is a number is rejected, not answered under the number",
  certification: [],
  robustness: { ib: 'IB-12', clause: "OCPP-J 2.0.1 Part 4 \u00a74.1.3 (the message id is a string)", severity: 'major', notCovered: "37-character and empty ids: OCPP-J does not say how the receiver answers them; the harness flags them when the DUT sends them" },
  detects: ['echoes-numeric-message-id'],
  async run(ctx) {
    const answer = await exchange(ctx, 'Send Heartbeat-like CALL with the numeric message id 4711', callFrame(4711, ctx.sut === 'csms' ? 'Heartbeat' : aliveProbe(ctx).action, ctx.sut === 'csms' ? {} : aliveProbe(ctx).payload));
    expectCallError(ctx, answer, codes(ctx, 'framework', 'format', 'protocol', 'type'), '-1', 'a message id that cannot be read is answered under "-1"');
    await expectStillServing(ctx);
  },
});
