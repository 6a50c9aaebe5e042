/**
 * Robustness catalogue (beyond the official one), IB-10: An unknown action is answered NotImplemented.
 * Enforces OCPP-J 2.0.1 Part 4 §4.2.3 (NotImplemented: the action is not known).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, codes, exchange, expectCallError, expectStillServing, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB10_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-10',
  title: "An unknown action is answered NotImplemented",
  certification: [],
  robustness: { ib: 'IB-10', clause: "OCPP-J 2.0.1 Part 4 \u00a74.2.3 (NotImplemented: the action is not known)", severity: 'major' },
  detects: ['swaps-notimplemented-notsupported'],
  async run(ctx) {
    const id = rawId(ctx, 'unknown');
    const answer = await exchange(ctx, 'Send the unknown action RbNoSuchAction', callFrame(id, 'RbNoSuchAction', {}));
    expectCallError(ctx, answer, codes(ctx, 'notImplemented'), id, 'an action the DUT does not know');
    await expectStillServing(ctx);
  },
});
