/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_06_CS — Change Availability Charging Station, Inoperative
 * to operative: from the reusable state Unavailable (whole station), ChangeAvailability Operative without
 * evse is Accepted and every connector is reported Available (Part 2 G04.FR.08).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { changeAvailability, expectStatuses, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - Inoperative to operative',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the whole station)' },
    { step: 3, checks: 'StatusNotification or NotifyEvent: every connector Available' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['operative-not-reported'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step('Reusable state: Unavailable for the Charging Station', () => ctx.state('Unavailable', { scope: 'station' }));
    const at = journalEnd(ctx);
    await ctx.step('Steps 1-2: ChangeAvailability Operative for the Charging Station, answered Accepted', () => changeAvailability(ctx, 'Operative', 'station', 'Accepted', { step: 2 }));
    await ctx.step('Step 3: the station reports every connector Available', () => expectStatuses(ctx, 'Available', 'station', at, { step: 3 }));
    await postAllReported(ctx, 'station', from);
  },
});
