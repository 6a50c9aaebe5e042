/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_13_CS — Change Availability Charging Station, Inoperative
 * to inoperative: with the whole station Unavailable, asking for Inoperative again is Accepted (Part 2
 * G04.FR.04) and the station reports its connectors Unavailable (or its ChargingStation component, by
 * NotifyEvent).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { changeAvailability, expectStatusesOrComponent, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - Inoperative to inoperative',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Inoperative for the whole station)' },
    { step: 3, checks: 'StatusNotification Unavailable per connector, or NotifyEvent ChargingStation.AvailabilityState Unavailable' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['same-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step('Reusable state: Unavailable for the Charging Station', () => ctx.state('Unavailable', { scope: 'station' }));
    const at = journalEnd(ctx);
    await ctx.step('Steps 1-2: ChangeAvailability Inoperative for the Charging Station, answered Accepted', () => changeAvailability(ctx, 'Inoperative', 'station', 'Accepted', { step: 2 }));
    // Part 6 TC_G_13_CS step 3: a report per connector, or one NotifyEvent for the ChargingStation component.
    await ctx.step('Step 3: the station reports its connectors (or itself) Unavailable', () => expectStatusesOrComponent(ctx, 'Unavailable', 'station', at, { step: 3 }));
    await postAllReported(ctx, 'station', from);
  },
});
