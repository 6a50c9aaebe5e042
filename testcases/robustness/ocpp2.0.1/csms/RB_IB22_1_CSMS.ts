/**
 * Robustness catalogue (beyond the official one), IB-22: A StatusNotification while the registration is Pending is answered SecurityError.
 * Enforces OCPP 2.0.1 Part 2 B02.FR.09 (while Pending, a CSMS rejects other CALLs with SecurityError).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, codes, exchange, expectCallError, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB22_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-22',
  title: "A StatusNotification while the registration is Pending is answered SecurityError",
  certification: [],
  robustness: { ib: 'IB-22', clause: "OCPP 2.0.1 Part 2 B02.FR.09 (while Pending, a CSMS rejects other CALLs with SecurityError)", severity: 'major', notCovered: "the station side (a station that sends before Accepted) is the official TC_B_02_CS / TC_B_03_CS" },
  states: ['Idle'],
  detects: ['accepts-calls-while-pending'],
  async run(ctx) {
    await ctx.dut('setRegistrationPending');
    try {
      await ctx.step('Boot: the CSMS answers Pending', () =>
        ctx.callExpect('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'ocpp-conform-station', vendorName: 'ocpp-conform' } }, { match: { status: 'Pending' } }),
      );
      const id = rawId(ctx, 'pending');
      const answer = await exchange(ctx, 'Send StatusNotification while Pending', callFrame(id, 'StatusNotification', { timestamp: new Date(ctx.clock.wallMs()).toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }));
      expectCallError(ctx, answer, codes(ctx, 'security'), id, 'not accepted yet');
    } finally {
      await ctx.dut('setRegistrationAccepted');
    }
    await ctx.state('Booted');
  },
});
