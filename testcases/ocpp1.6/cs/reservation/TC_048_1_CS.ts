/**
 * OCPP 1.6 TC_048_1_CS — Reservation of a Connector - Faulted. OCTT 1.6 document §2.20.1: a Faulted connector (reusable state SetConnectorFaulted) is not reserved: ReserveNow.conf Faulted (1.6 §5.13, §7.39).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { setConnectorFaultedState } from '../_shared/reusable-states.js';
import { checkReserveStatus, newReservationId, reserveNow } from './reservation.js';

export default defineTestCase({
  id: 'TC_048_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Reservation',
  title: 'Reservation of a Connector - Faulted',
  useCases: ['Reserve Now'],
  requirements: ['OCPP 1.6 §5.13', 'OCPP 1.6 §7.39'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  applies: { item: 'FP-Reservation' },
  states: ['Booted'],
  validations: [{ step: 2, checks: 'ReserveNow.conf status Faulted' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_048_1_CS step 1 validates an own message of the Central System (ReserveNow.req, connectorId is <Configured ConnectorId>); the harness plays the Central System and sends it so: nothing of the charge point to judge' },
  ],
  detects: ['reserves-faulted-connector'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await setConnectorFaultedState(ctx, { connectorId });
    await ctx.step('Steps 1-2: ReserveNow.req connectorId <Configured ConnectorId>: Faulted', async () => {
      const answer = await reserveNow(ctx, { connectorId: connectorId, idTag: ctx.config.idTokens.valid.idToken, reservationId: newReservationId() });
      checkReserveStatus(ctx, answer, 'Faulted', 2);
    });
  },
});
