/**
 * OCPP 2.0.1 errata 2025-01 addition TC_B_58_CSMS, on OCPP-J Part 4 §3.1.2 / §3.2: the station
 * offers several subprotocols in Sec-WebSocket-Protocol; the CSMS must pick the one it speaks
 * (ocpp2.0.1) wherever it is in the list, answer with it, and then work normally; offered none it
 * speaks, it must not carry on with an agreed subprotocol.
 * `ctx.reconnect` dials once offering the given subprotocols in order and reports what the CSMS
 * agreed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { boot, reportAllConnectors } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_B_58_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'WebSocket Subprotocol negotiation',
  useCases: ['Part 4 (OCPP-J)'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['subprotocol-first-offered-only'],
  async run(ctx) {
    for (const offered of [['ocpp1.6', 'ocpp2.0.1'], ['ocpp2.0.1', 'ocpp1.6']]) {
      await ctx.step(`Offer "${offered.join(', ')}": the CSMS agrees on ocpp2.0.1 and accepts the boot`, async () => {
        const outcome = await ctx.reconnect({ subprotocols: offered });
        ctx.check('the CSMS completes the handshake with Sec-WebSocket-Protocol ocpp2.0.1', outcome.connected && outcome.subprotocol === 'ocpp2.0.1', {
          expected: 'connected, subprotocol ocpp2.0.1',
          actual: outcome.connected ? `connected, subprotocol ${String(outcome.subprotocol)}` : outcome.reason,
        });
        await boot(ctx, 'PowerUp');
        await reportAllConnectors(ctx);
      });
    }
    await ctx.step('Offer only "ocpp1.5": the CSMS does not agree on a subprotocol', async () => {
      const outcome = await ctx.reconnect({ subprotocols: ['ocpp1.5'] });
      ctx.check('no subprotocol agreed (handshake without Sec-WebSocket-Protocol, then closed, or refused)', !outcome.connected || outcome.subprotocol === null, {
        expected: 'not connected with a subprotocol',
        actual: outcome.connected ? `connected, subprotocol ${String(outcome.subprotocol)}` : outcome.reason,
      });
    });
  },
});
