/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_22_CSMS — Reserve a specific EVSE - Configured to
 * Reject. The CSMS is asked to reserve the configured EVSE and sends a ReserveNowRequest; the
 * simulated station, configured not to take reservations, answers Rejected. Part 6 validates no
 * field; the request is held to the general rules (§3.1: a schema-valid message) by the runner, and
 * the check here only that it is a ReserveNow the station could have read (an integer id).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, idTokenOf, transactionDurationMs, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_H_22_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve a specific EVSE - Configured to Reject',
  useCases: ['H01'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['reserve-now-id-as-string'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow; the station answers Rejected', async () => {
      const call = await triggered(ctx, {
        action: 'ReserveNow',
        trigger: 'triggerReserveNow',
        params: { evseId: ctx.config.evseId, idToken: idTokenOf(ctx.config.idTokens.valid), expirySeconds: Math.max(1, Math.round(transactionDurationMs(ctx) / 1000)) },
        respond: () => ({ status: 'Rejected' }),
      });
      ctx.check('ReserveNowRequest.id is an integer', Number.isInteger(call.payload['id']), { expected: 'an integer', actual: call.payload['id'], frames: framesOf(call) });
    });
  },
});
