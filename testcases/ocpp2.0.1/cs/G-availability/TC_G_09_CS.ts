/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_09_CS — Change Availability EVSE, Operative to operative:
 * asking an operative EVSE to be Operative is Accepted (Part 2 G03.FR.03), not Rejected.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { changeAvailability } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - Operative to operative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the configured EVSE)' },
  ],
  detects: ['same-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    await ctx.step(`Steps 1-2: ChangeAvailability Operative for EVSE ${ctx.config.evseId}, answered Accepted`, () => changeAvailability(ctx, 'Operative', 'evse', 'Accepted', { step: 2 }));
  },
});
