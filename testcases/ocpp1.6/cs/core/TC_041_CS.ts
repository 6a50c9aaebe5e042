/**
 * OCPP 1.6 TC_041_CS — Fault Behavior (OCTT 1.6 document §2.16.1): a connector put in a fault
 * state is reported Faulted (1.6 §4.9, §7.7) and a driver who then presents a valid idTag and
 * plugs in gets no transaction during the configured transaction duration.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, journalMark, plugIn, presentIdTag, unplug } from '../_shared/charge-point.js';
import { expectNoTransactionStarted, transactionDurationMs } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_041_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Fault Behavior Non-Happy Flow',
  title: 'Fault Behavior',
  useCases: ['Status Notification', 'Start Transaction'],
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §7.7'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req status Faulted' },
    { step: 3, checks: 'no StartTransaction.req for the configured transaction duration after the driver tried to start' },
  ],
  detects: ['starts-while-faulted'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    let plugged = false;
    try {
      await ctx.step('Steps 1-2: the connector is put in a fault state: StatusNotification.req Faulted', async () => {
        fromNow(ctx);
        await ctx.dut('setFaulted', { connectorId });
        const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, step: 1 });
        ctx.check('status is Faulted', sn.payload['status'] === 'Faulted', { expected: 'Faulted', actual: sn.payload['status'], frames: framesOf(sn), step: 1 });
      });
      await ctx.step('Step 3: the driver tries to start (idTag and cable): no transaction', async () => {
        const since = journalMark(ctx);
        await presentIdTag(ctx, ctx.config.idTokens.valid.idToken, connectorId);
        await plugIn(ctx, connectorId);
        plugged = true;
        await expectNoTransactionStarted(ctx, since, transactionDurationMs(ctx), 3);
      });
    } finally {
      await ctx.step('After: clear the fault and unplug', async () => {
        await ctx.dut('clearFault', { connectorId });
        if (plugged) await unplug(ctx, connectorId);
      });
    }
  },
});
