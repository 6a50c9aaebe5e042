/**
 * Robustness catalogue (beyond the official one), IB-02: Several versions offered, ocpp2.0.1 not first: the CSMS picks ocpp2.0.1 and keeps the connection.
 * Enforces OCPP-J 2.0.1 Part 4 §3.1.2 (the client lists its versions in order of preference; the server answers with the one it will use).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectConnectionKept, expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB02_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-02',
  title: "Several versions offered, ocpp2.0.1 not first: the CSMS picks ocpp2.0.1 and keeps the connection",
  certification: [],
  robustness: { ib: 'IB-02', clause: "OCPP-J 2.0.1 Part 4 \u00a73.1.2 (the client lists its versions in order of preference; the server answers with the one it will use)", severity: 'major', notCovered: "reconnecting later on another version (the lbbrhzn/ocpp#2008 schema cache) needs a CSMS that speaks two versions; the simulators speak one each" },
  detects: ['subprotocol-first-offered-only'],
  async run(ctx) {
    // Entries from here on: the first "connected" among them is the reconnect this case makes
    // (a case that runs first in its run finds an empty journal, so no "+1" for a close).
    const from = (ctx.journal().at(-1)?.index ?? -1) + 1;
    await ctx.step('Offer ocpp2.1, ocpp2.0.1, ocpp1.6', async () => {
      const outcome = await ctx.reconnect({ subprotocols: ['ocpp2.1', 'ocpp2.0.1', 'ocpp1.6'] });
      ctx.check('The CSMS agrees ocpp2.0.1', outcome.connected && outcome.subprotocol === 'ocpp2.0.1', {
        expected: 'subprotocol ocpp2.0.1',
        actual: outcome.connected ? `subprotocol ${outcome.subprotocol ?? 'none'}` : `not connected: ${outcome.reason}`,
      });
    });
    await ctx.step('The connection is kept', () => expectConnectionKept(ctx, { from }, 1000, 'the agreed subprotocol is used'));
    await expectStillServing(ctx);
  },
});
