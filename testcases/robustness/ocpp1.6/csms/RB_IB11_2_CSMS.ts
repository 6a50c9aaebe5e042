/**
 * Robustness catalogue (beyond the official one), IB-11: A CALLERROR has five elements and errorDetails is an object.
 * Enforces OCPP-J 1.6 §4.2.3 (CALLERROR: [4, id, errorCode, errorDescription, errorDetails], errorDetails a JSON object).
 */
import { defineTestCase, describeAnswer, framesOf } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB11_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-11',
  title: "A CALLERROR has five elements and errorDetails is an object",
  certification: [],
  robustness: { ib: 'IB-11', clause: "OCPP-J 1.6 \u00a74.2.3 (CALLERROR: [4, id, errorCode, errorDescription, errorDetails], errorDetails a JSON object)", severity: 'major' },
  detects: ['error-details-as-string'],
  async run(ctx) {
    const id = rawId(ctx, 'shape');
    const answer = await exchange(ctx, 'Provoke a CALLERROR with an unknown action', callFrame(id, 'RbNoSuchAction', {}));
    const shaped = answer.kind === 'error' && answer.elements === 5 && typeof answer.errorCode === 'string' && typeof answer.errorDescription === 'string' && answer.errorDescription.length <= 255 && answer.errorDetails !== null && typeof answer.errorDetails === 'object' && !Array.isArray(answer.errorDetails);
    ctx.check('CALLERROR shape', shaped, { expected: '[4, id, string, string (≤ 255), {…}]', actual: describeAnswer(answer), frames: framesOf(answer) });
  },
});
