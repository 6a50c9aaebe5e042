/**
 * Robustness catalogue (beyond the official one), IB-08: A frame that is JSON, not an array: a CALLERROR or a close, and the DUT keeps serving.
 * Enforces OCPP-J 2.0.1 Part 4 §4.2.3 (a message that cannot be parsed is answered with a CALLERROR; the id is "-1" when it cannot be read).
 */
import { defineTestCase, describeAnswer, framesOf } from '../../../../src/engine/authoring.js';
import { codes, exchange, expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB08_3_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-08',
  title: "A frame that is JSON, not an array: a CALLERROR or a close, and the DUT keeps serving",
  certification: [],
  robustness: { ib: 'IB-08', clause: "OCPP-J 2.0.1 Part 4 \u00a74.2.3 (a message that cannot be parsed is answered with a CALLERROR; the id is \"-1\" when it cannot be read)", severity: 'critical', notCovered: "invalid UTF-8, NUL bytes, deep nesting and floods are covered by the hostile-frame tests of the harness itself, not here" },
  detects: ['hangs-after-malformed-frame'],
  async run(ctx) {
    const answer = await exchange(ctx, 'Send a frame that is JSON, not an array', "{\"action\":\"Heartbeat\"}");
    const allowed = codes(ctx, 'framework', 'format', 'protocol');
    const ok = answer.kind === 'closed' || answer.kind === 'none' || (answer.kind === 'error' && typeof answer.errorCode === 'string' && allowed.includes(answer.errorCode));
    ctx.check('A CALLERROR with a framework code, a close, or nothing', ok, { expected: `CALLERROR ${allowed.join(' | ')}, or a close`, actual: describeAnswer(answer), frames: framesOf(answer) });
    await expectStillServing(ctx);
  },
});
