/**
 * OCPP 1.6 TC_048_2_CS — Reservation of a Connector - Occupied. OCTT 1.6 document §2.20.1: a connector in use (reusable state SetConnectorOccupied: cable plugged in) is not reserved: ReserveNow.conf Occupied (1.6 §5.13, §7.39).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { setConnectorOccupiedState } from '../_shared/reusable-states.js';
import { checkReserveStatus, newReservationId, reserveNow } from './reservation.js';

export default defineTestCase({
  id: 'TC_048_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Connector - Occupied',
  useCases: ['Reserve Now'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §7.39'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [{ step: 2, checks: 'ReserveNow.conf status Occupied' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_048_2_CS step 1 validates an own message of the Central System (ReserveNow.req, connectorId is <Configured ConnectorId>); the harness plays the Central System and sends it so: nothing of the charge point to judge' },
  ],
  detects: ['reserves-occupied-evse'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await setConnectorOccupiedState(ctx, { connectorId });
    await ctx.step('Steps 1-2: ReserveNow.req connectorId <Configured ConnectorId>: Occupied', async () => {
      const answer = await reserveNow(ctx, { connectorId: connectorId, idTag: ctx.config.idTokens.valid.idToken, reservationId: newReservationId() });
      checkReserveStatus(ctx, answer, 'Occupied', 2);
    });
  },
});
