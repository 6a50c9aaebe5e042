/**
 * OCPP 1.6 TC_003_CS — Regular Charging Session - Plugin First (OCTT 1.6 document §2.2.1): the cable
 * first (StatusNotification.req Preparing, step 1), then the idTag (Authorize.req, step 3), then
 * StartTransaction.req and StatusNotification.req Charging in either order (steps 5 and 7). The
 * scenario ends there: the restore stops the transaction and unplugs (§1.3 post conditions).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransaction, plugIn, presentIdTag } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_003_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session - Plugin First',
  useCases: ['Authorize', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing after the cable is plugged in' },
    { step: 7, checks: 'StatusNotification.req Charging (StartTransaction.req before or after it)' },
  ],
  waivers: [
    { step: 4, reason: 'OCTT 1.6 document TC_003_CS step 4 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_003_CS step 6 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['no-status-on-plug', 'no-authorize', 'suspended-evse-while-charging'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    await ctx.step('Steps 1-2: the EV driver plugs in: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 1 });
      ctx.check('status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn), step: 1 });
    });
    await ctx.step('Steps 3-4: the EV driver presents the idTag: Authorize.req', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      // Not a tool validation; the scenario has it (the cache is empty, §1.3), so it must come.
      await ctx.expectCall('Authorize', { match: { idTag } });
    });
    await ctx.step('Steps 5-8: StartTransaction.req and StatusNotification.req Charging, in either order', async () => {
      const [start, sn] = await ctx.expectAll(
        [{ action: 'StartTransaction', match: { connectorId } }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }],
        { anyOrder: 'OCTT 1.6 TC_003_CS: "Step 5 and step 7 may be reversed"', step: 7 },
      );
      ctx.check('status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 7 });
      if (start) await noteTransaction(ctx, start);
    });
  },
});
