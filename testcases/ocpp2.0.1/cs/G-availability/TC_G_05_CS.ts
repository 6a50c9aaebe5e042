/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_05_CS — Change Availability Charging Station, Operative
 * to inoperative: the reusable state Unavailable for the whole station (ChangeAvailability Inoperative
 * without evse, Accepted, every connector Unavailable), then the post-scenario validation that every
 * connector was reported (Part 2 G04.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - Operative to inoperative',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.05', 'G04.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' }],
  detects: ['station-availability-no-connector-status'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step('Step 1: Unavailable for the Charging Station', () => ctx.state('Unavailable', { scope: 'station' }));
    await postAllReported(ctx, 'station', from);
  },
});
