/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_03_CS — Change Availability EVSE, Operative to
 * inoperative. The reusable state Unavailable for the configured EVSE (ChangeAvailability
 * Inoperative with evse.id, answered Accepted, connectors reported Unavailable), then the
 * post-scenario validation: every connector of that EVSE was reported (Part 2 G03.FR.01/02/04/06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';

export default defineTestCase({
  id: 'TC_G_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability EVSE - Operative to inoperative',
  useCases: ['G03'],
  requirements: ['G03.FR.01', 'G03.FR.02', 'G03.FR.04', 'G03.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 'post', checks: 'every connector of the EVSE the station reported is reported Unavailable' },
  ],
  detects: ['availability-not-applied'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step(`Step 1: Unavailable for EVSE ${evseId}`, () => ctx.state('Unavailable', { scope: 'evse', evseId }));
    await ctx.step('Post scenario: every connector of the EVSE reported', async () => {
      // The connectors of this EVSE the station has told us about in this case (at least the configured one).
      const connectors = new Set<number>([ctx.config.connectorId]);
      for (const e of ctx.journal()) {
        if (e.kind === 'callIn' && e.action === 'StatusNotification' && e.payload['evseId'] === evseId && typeof e.payload['connectorId'] === 'number') connectors.add(e.payload['connectorId']);
      }
      for (const connectorId of [...connectors].sort((a, b) => a - b)) {
        await expectConnectorStatus(ctx, 'Unavailable', { evseId, connectorId }, { from });
      }
    });
  },
});
