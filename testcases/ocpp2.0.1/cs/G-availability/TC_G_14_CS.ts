/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_14_CS — Change Availability Charging Station, with
 * ongoing transaction: ChangeAvailability Inoperative for the whole station is answered Scheduled;
 * EVSEs without a transaction become Unavailable at once, the one charging only when its transaction
 * has ended (Part 2 G04.FR.06): after the state that ended it, its connectors are reported Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { inoperativeDuringTransaction, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - With ongoing transaction',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Scheduled (Inoperative for the whole station during a transaction)' },
    { step: 7, checks: 'after the state that ended the transaction: StatusNotification (evseId, connectorId not 0) or NotifyEvent Connector Unavailable for the connectors of the configured EVSE' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['availability-interrupts-tx', 'scheduled-availability-forgotten'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await inoperativeDuringTransaction(ctx, 'station', { step: 7 });
    await postAllReported(ctx, 'station', from);
  },
});
