/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_11_CS — Change Availability EVSE, with ongoing
 * transaction: ChangeAvailability Inoperative for the EVSE charging is answered Scheduled and takes
 * effect only when the transaction has ended (Part 2 G03.FR.05): after the state that ended it, the
 * connectors of the EVSE are reported Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { inoperativeDuringTransaction, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - With ongoing transaction',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Scheduled (Inoperative for the EVSE with the transaction)' },
    { step: 4, checks: 'after the state that ended the transaction (steps 4/7/10/13): StatusNotification or NotifyEvent Unavailable for the connectors of the EVSE' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector of the EVSE' },
  ],
  detects: ['availability-interrupts-tx', 'scheduled-availability-forgotten'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await inoperativeDuringTransaction(ctx, 'evse', { step: 4 });
    await postAllReported(ctx, 'evse', from);
  },
});
