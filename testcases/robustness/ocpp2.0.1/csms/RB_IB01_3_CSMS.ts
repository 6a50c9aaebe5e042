/**
 * Robustness catalogue (beyond the official one), IB-01: Only ocpp1.5 offered: the CSMS must not serve the connection.
 * Enforces OCPP-J 2.0.1 Part 4 §3.2 (no agreed subprotocol: complete the handshake without one and close).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB01_3_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-01',
  title: "Only ocpp1.5 offered: the CSMS must not serve the connection",
  certification: [],
  robustness: { ib: 'IB-01', clause: "OCPP-J 2.0.1 Part 4 \u00a73.2 (no agreed subprotocol: complete the handshake without one and close)", severity: 'major', notCovered: "an empty Sec-WebSocket-Protocol header is not sent: the harness client always sends its offered list" },
  detects: ['accepts-any-subprotocol'],
  async run(ctx) {
    await ctx.step('Offer only ocpp1.5', async () => {
      const outcome = await ctx.reconnect({ subprotocols: ['ocpp1.5'] });
      const served = outcome.connected && outcome.subprotocol !== null;
      ctx.check('No OCPP session on a subprotocol the CSMS does not speak', !served, {
        expected: 'the upgrade refused, or completed without Sec-WebSocket-Protocol and closed',
        actual: outcome.connected ? `connected with subprotocol ${outcome.subprotocol ?? 'none'}` : `not connected: ${outcome.reason}`,
      });
    });
    await expectStillServing(ctx);
  },
});
