/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_17_CS — Change Availability Connector, with ongoing
 * transaction: ChangeAvailability Inoperative for the connector in use is answered Scheduled and takes
 * effect only when the transaction has ended (Part 2 G03.FR.05): after the state that ended it, the
 * connector is reported Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { inoperativeDuringTransaction, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Connector - With ongoing transaction',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Scheduled (Inoperative for the connector with the transaction)' },
    { step: 7, checks: 'after the state that ended the transaction: StatusNotification or NotifyEvent (component.evse given) Unavailable for the configured evseId and connectorId' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of the connector' },
  ],
  detects: ['availability-interrupts-tx', 'scheduled-availability-forgotten'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await inoperativeDuringTransaction(ctx, 'connector', { step: 7 });
    await postAllReported(ctx, 'connector', from);
  },
});
