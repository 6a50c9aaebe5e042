/**
 * Robustness catalogue (beyond the official one), IB-10: A known action the station may not send is answered NotSupported.
 * Enforces OCPP-J 2.0.1 Part 4 §4.3 (NotSupported: the action is known but not supported by the receiver).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, codes, exchange, expectCallError, expectStillServing, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB10_3_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-10',
  title: "A known action the station may not send is answered NotSupported",
  certification: [],
  robustness: { ib: 'IB-10', clause: "OCPP-J 2.0.1 Part 4 \u00a74.3 (NotSupported: the action is known but not supported by the receiver)", severity: 'major', notCovered: "a 2.1-only action on a 2.0.1 link is not sent: it is unknown to 2.0.1, so NotImplemented (RB_IB10_1_CSMS)" },
  detects: ['swaps-notimplemented-notsupported'],
  async run(ctx) {
    const id = rawId(ctx, 'reset');
    const answer = await exchange(ctx, 'Send Reset (a CSMS-to-station action) to the CSMS', callFrame(id, 'Reset', { type: 'Immediate' }));
    expectCallError(ctx, answer, codes(ctx, 'notSupported'), id, 'a known action the CSMS does not accept from a station');
    await expectStillServing(ctx);
  },
});
