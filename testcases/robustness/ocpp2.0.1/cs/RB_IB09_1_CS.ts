/**
 * Robustness catalogue (beyond the official one), IB-09: A payload that is not an object: CALLERROR spelled FormatViolation.
 * Enforces OCPP-J 2.0.1 Part 4 §4.2.3 error codes (FormatViolation in OCPP 2.0.1).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, expectStillServing, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB09_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-09',
  title: "A payload that is not an object: CALLERROR spelled FormatViolation",
  certification: [],
  robustness: { ib: 'IB-09', clause: "OCPP-J 2.0.1 Part 4 \u00a74.2.3 error codes (FormatViolation in OCPP 2.0.1)", severity: 'major' },
  detects: ['error-code-1.6-spelling'],
  async run(ctx) {
    const id = rawId(ctx, 'fmt');
    const answer = await exchange(ctx, 'Send GetVariables with an array as payload', callFrame(id, 'GetVariables', []));
    expectCallError(ctx, answer, ['FormatViolation'], id, 'the error code exactly as OCPP 2.0.1 spells it');
    await expectStillServing(ctx);
  },
});
