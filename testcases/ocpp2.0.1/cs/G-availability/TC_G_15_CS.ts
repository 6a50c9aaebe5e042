/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_15_CS — Change Availability Connector, Operative to
 * operative: asking an operative connector to be Operative is Accepted (Part 2 G03.FR.03); the
 * post-scenario validation wants the connector reported after it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { changeAvailability, postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Connector - Operative to operative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.03', 'G03.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'ChangeAvailabilityResponse status Accepted (Operative for the configured connector)' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of the connector' },
  ],
  detects: ['same-availability-rejected', 'connector-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Steps 1-2: ChangeAvailability Operative for connector ${ctx.config.connectorId} of EVSE ${ctx.config.evseId}, answered Accepted`, () => changeAvailability(ctx, 'Operative', 'connector', 'Accepted', { step: 2 }));
    await postAllReported(ctx, 'connector', from);
  },
});
