/**
 * OCPP 1.6 TC_050_1_CS — Reservation of a Charge Point - Faulted. OCTT 1.6 document §2.20.2: a faulted charge point (reusable state SetChargePointFaulted) is not reserved as a whole: ReserveNow.conf Faulted for connectorId 0 (1.6 §5.13, §7.39).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { setChargePointFaultedState } from '../_shared/reusable-states.js';
import { checkReserveStatus, newReservationId, reserveNow } from './reservation.js';

export default defineTestCase({
  id: 'TC_050_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Charge Point - Faulted',
  useCases: ['Reserve Now'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §7.39'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { all: [{ item: 'FP-Reservation' }, { item: 'CFG-ReserveConnectorZeroSupported' }] },
  states: ['Booted'],
  validations: [{ step: 2, checks: 'ReserveNow.conf status Faulted' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_050_1_CS step 1 validates an own message of the Central System (ReserveNow.req, connectorId is 0); the harness plays the Central System and sends it so: nothing of the charge point to judge' },
  ],
  detects: ['reserves-faulted-connector'],
  async run(ctx) {
    await setChargePointFaultedState(ctx);
    await ctx.step('Steps 1-2: ReserveNow.req connectorId 0: Faulted', async () => {
      const answer = await reserveNow(ctx, { connectorId: 0, idTag: ctx.config.idTokens.valid.idToken, reservationId: newReservationId() });
      checkReserveStatus(ctx, answer, 'Faulted', 2);
    });
  },
});
