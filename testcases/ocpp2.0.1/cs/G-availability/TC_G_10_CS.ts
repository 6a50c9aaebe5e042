/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_10_CS — Change Availability EVSE, Inoperative to
 * inoperative: with the configured EVSE Unavailable, asking for Inoperative again is Accepted (Part 2
 * G03.FR.03); the post-scenario validation wants every connector of the EVSE reported.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { changeAvailability, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - Inoperative to inoperative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Inoperative for the configured EVSE)' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector of the EVSE' },
  ],
  detects: ['same-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Reusable state: Unavailable for EVSE ${ctx.config.evseId}`, () => ctx.state('Unavailable', { scope: 'evse' }));
    await ctx.step(`Steps 1-2: ChangeAvailability Inoperative for EVSE ${ctx.config.evseId}, answered Accepted`, () => changeAvailability(ctx, 'Inoperative', 'evse', 'Accepted', { step: 2 }));
    await postAllReported(ctx, 'evse', from);
  },
});
