/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_07_CS — Change Availability Connector, Operative to
 * inoperative: the reusable state Unavailable for the configured connector (ChangeAvailability with
 * evse.id and evse.connectorId, Accepted, the connector reported Unavailable), then the post-scenario
 * validation that the connector was reported (Part 2 G03.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { postAllReported } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Connector - Operative to inoperative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of the connector' }],
  detects: ['connector-availability-rejected'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Step 1: Unavailable for connector ${ctx.config.connectorId} of EVSE ${ctx.config.evseId}`, () => ctx.state('Unavailable', { scope: 'connector' }));
    await postAllReported(ctx, 'connector', from);
  },
});
