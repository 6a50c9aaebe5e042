/**
 * TC_039_CSMS Offline Transaction (OCTT 1.6 document §3.12.3, Table 147; OCPP 1.6 §4.8, §4.10:
 * transaction-related messages are queued while offline and sent in order when back).
 *
 * The connection is lost; a whole transaction happens offline (start with the configured valid
 * idTag, local stop, unplug). Back online, the Charge Point sends the queued StartTransaction (the
 * Central System must answer idTagInfo Accepted, step 2) and then the StopTransaction with
 * reason Local and the transactionId just assigned (step 3), which it must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { disconnect, generalPreconditions, reconnectAfterOutage, startTransaction, stopTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_039_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Transaction',
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'the queued StartTransaction.conf idTagInfo.status Accepted' },
    { step: 3, checks: 'the queued StopTransaction.req reason Local answered' },
  ],
  detects: ['start-requires-authorize', 'transaction-ended-error'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    let startedAt = '';
    let stoppedAt = '';
    await ctx.step('Connectivity lost; a transaction starts and stops offline, the cable is unplugged; connectivity restored', async () => {
      await disconnect(ctx, 'connectivity lost');
      startedAt = new Date(ctx.clock.wallMs()).toISOString();
      await ctx.sleep(10);
      stoppedAt = new Date(ctx.clock.wallMs()).toISOString();
      await reconnectAfterOutage(ctx);
    });
    await ctx.step('Steps 1-2: the queued StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, ctx.config.idTokens.valid.idToken, connectorId, { step: 2, timestamp: startedAt });
    });
    await ctx.step('Steps 3-4: the queued StopTransaction.req reason Local → answered', async () => {
      await stopTransaction(ctx, 'Local', { step: 3, timestamp: stoppedAt });
    });
  },
});
