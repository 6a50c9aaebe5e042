/**
 * Robustness catalogue (beyond the official one), IB-06: A second connection of the same identity is served.
 * Enforces OCPP-J 2.0.1 Part 4 §3 (one connection per station; a new connection replaces a stale one).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, expectStillServing, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB06_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-06',
  title: "A second connection of the same identity is served",
  certification: [],
  robustness: { ib: 'IB-06', clause: "OCPP-J 2.0.1 Part 4 \u00a73 (one connection per station; a new connection replaces a stale one)", severity: 'critical', notCovered: "a half-open first connection (no FIN) cannot be made on loopback; the first connection is open and idle" },
  states: ['Idle'],
  detects: ['refuses-second-connection'],
  async run(ctx) {
    const outcome = await ctx.step('Open a second connection with the same identity and send Heartbeat', () =>
      ctx.raw.dial({ identity: ctx.config.stationId, subprotocols: [ctx.version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'], send: callFrame(rawId(ctx, 'dup'), 'Heartbeat', {}) }),
    );
    const answered = outcome.connected && Array.isArray(outcome.answer?.parsed) && outcome.answer.parsed[0] === 3;
    ctx.check('The CSMS answers on the new connection', answered, {
      expected: 'a Heartbeat CALLRESULT on the new connection',
      actual: outcome.connected ? (outcome.answer ? outcome.answer.text : `no answer${outcome.closeCode === undefined ? '' : `; closed with ${outcome.closeCode}`}`) : `refused: ${outcome.reason}`,
    });
    await expectStillServing(ctx);
  },
});
