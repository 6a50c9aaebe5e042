/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_12_CS — Change Availability Charging Station, Operative
 * to operative: asking an operative station to be Operative is Accepted (Part 2 G04.FR.04); the
 * post-scenario validation wants every connector reported after it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { changeAvailability, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - Operative to operative',
  useCases: ['G04'],
  requirements: ['G04.FR.01', 'G04.FR.02', 'G04.FR.03', 'G04.FR.04', 'G04.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the whole station)' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['same-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step('Steps 1-2: ChangeAvailability Operative for the Charging Station, answered Accepted', () => changeAvailability(ctx, 'Operative', 'station', 'Accepted', { step: 2 }));
    await postAllReported(ctx, 'station', from);
  },
});
