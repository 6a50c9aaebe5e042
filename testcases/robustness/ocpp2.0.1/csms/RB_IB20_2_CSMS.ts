/**
 * Robustness catalogue (beyond the official one), IB-20: A null where an object belongs: a schema CALLERROR, the connection kept.
 * Enforces OCPP 2.0.1 Heartbeat schema (customData is an object; null is not omitted); OCPP-J 2.0.1 Part 4 §4.2.3.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectDefinedOutcome, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB20_2_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-20',
  title: "A null where an object belongs: a schema CALLERROR, the connection kept",
  certification: [],
  robustness: { ib: 'IB-20', clause: "OCPP 2.0.1 Heartbeat schema (customData is an object; null is not omitted); OCPP-J 2.0.1 Part 4 \u00a74.2.3", severity: 'critical' },
  states: ['Idle'],
  detects: ['crashes-on-null-field'],
  async run(ctx) {
    const id = rawId(ctx, 'null');
    const answer = await exchange(ctx, 'Send Heartbeat with customData null', callFrame(id, 'Heartbeat', { customData: null }));
    expectDefinedOutcome(ctx, answer, schemaCodes(ctx), id, 'null is not an object: reject it with a schema code, or accept it');
    await expectStillServing(ctx);
  },
});
