/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_08_CS — Change Availability Connector, Inoperative to
 * operative: from the memory state Unavailable for the configured connector, ChangeAvailability Operative
 * for that connector is Accepted and the connector is reported Available (Part 2 G03.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { changeAvailability, expectStatuses, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Connector - Inoperative to operative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the configured connector)' },
    { step: 3, checks: 'StatusNotification or NotifyEvent: the connector Available' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of the connector' },
  ],
  detects: ['operative-not-reported'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Memory state: Unavailable for connector ${ctx.config.connectorId} of EVSE ${ctx.config.evseId}`, () => ctx.state('Unavailable', { scope: 'connector' }));
    const at = journalEnd(ctx);
    await ctx.step(`Steps 1-2: ChangeAvailability Operative for connector ${ctx.config.connectorId} of EVSE ${ctx.config.evseId}, answered Accepted`, () => changeAvailability(ctx, 'Operative', 'connector', 'Accepted', { step: 2 }));
    await ctx.step('Step 3: the station reports the connector Available', () => expectStatuses(ctx, 'Available', 'connector', at, { step: 3 }));
    await postAllReported(ctx, 'connector', from);
  },
});
