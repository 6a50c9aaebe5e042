/**
 * Robustness catalogue (beyond the official one), IB-09: A payload that is not an object: CALLERROR spelled FormationViolation.
 * Enforces OCPP-J 1.6 §4.2.3 error codes (FormationViolation in OCPP 1.6).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, expectStillServing, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB09_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-09',
  title: "A payload that is not an object: CALLERROR spelled FormationViolation",
  certification: [],
  robustness: { ib: 'IB-09', clause: "OCPP-J 1.6 \u00a74.2.3 error codes (FormationViolation in OCPP 1.6)", severity: 'major' },
  detects: ['modern-error-code-spelling'],
  async run(ctx) {
    const id = rawId(ctx, 'fmt');
    const answer = await exchange(ctx, 'Send GetConfiguration with an array as payload', callFrame(id, 'GetConfiguration', []));
    expectCallError(ctx, answer, ['FormationViolation'], id, 'the error code exactly as OCPP 1.6 spells it');
    await expectStillServing(ctx);
  },
});
