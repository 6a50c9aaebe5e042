/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_04_CS — Change Availability EVSE, Inoperative to
 * operative: from the memory state Unavailable for the configured EVSE, ChangeAvailability Operative for
 * that EVSE is Accepted and every connector of it is reported Available (Part 2 G03.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { changeAvailability, expectStatuses, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - Inoperative to operative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the configured EVSE)' },
    { step: 3, checks: 'StatusNotification or NotifyEvent: every connector of the EVSE Available' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector of the EVSE' },
  ],
  detects: ['operative-not-reported'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Memory state: Unavailable for EVSE ${ctx.config.evseId}`, () => ctx.state('Unavailable', { scope: 'evse' }));
    const at = journalEnd(ctx);
    await ctx.step(`Steps 1-2: ChangeAvailability Operative for EVSE ${ctx.config.evseId}, answered Accepted`, () => changeAvailability(ctx, 'Operative', 'evse', 'Accepted', { step: 2 }));
    await ctx.step('Step 3: the station reports every connector of the EVSE Available', () => expectStatuses(ctx, 'Available', 'evse', at, { step: 3 }));
    await postAllReported(ctx, 'evse', from);
  },
});
