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
  detects: ['subprotocol-first-offered-only', 'keeps-connection-without-subprotocol'],
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
    await ctx.step('Offer only "ocpp1.5": the CSMS completes the handshake without a subprotocol, then closes', async () => {
      // Part 4 §3.2: complete the handshake with no Sec-WebSocket-Protocol header, then close at once.
      // A bare handshake (raw.upgrade) sees both halves, which a WebSocket library hides.
      const probe = await ctx.raw.upgrade({ identity: ctx.config.stationId, subprotocols: ['ocpp1.5'] });
      if (!probe.upgraded) {
        ctx.check('the handshake is completed (then closed) rather than refused', false, {
          expected: 'HTTP 101 without Sec-WebSocket-Protocol, then a close',
          actual: `not upgraded: ${probe.reason}`,
          severity: 'warning',
        });
        return;
      }
      ctx.check('no subprotocol agreed: the 101 answer carries no Sec-WebSocket-Protocol', probe.subprotocol === null, {
        expected: 'no Sec-WebSocket-Protocol header',
        actual: probe.subprotocol === null ? 'absent' : `Sec-WebSocket-Protocol ${probe.subprotocol}`,
      });
      ctx.check('then the CSMS closes the connection at once', probe.closedAfterMs !== undefined, {
        expected: `closed within ${ctx.config.messageTimeoutMs} ms of the handshake`,
        actual: probe.closedAfterMs === undefined ? 'still open' : `closed after ${probe.closedAfterMs} ms${probe.closeCode === undefined ? '' : ` (code ${probe.closeCode})`}`,
      });
    });
  },
});
