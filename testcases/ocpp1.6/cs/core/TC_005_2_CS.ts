/**
 * OCPP 1.6 TC_005_2_CS — EV Side Disconnected - StopTransactionOnEVSideDisconnect = true -
 * UnlockConnectorOnEVSideDisconnect = false (OCTT 1.6 document §2.3.4; prerequisite:
 * StopTransactionOnEVSideDisconnect not ReadOnly false). From the reusable state Charging the EV
 * driver unplugs at the EV side: StopTransaction.req reason EVDisconnected (step 1) and
 * StatusNotification.req Finishing or Available (step 3), in either order; the connector stayed
 * locked, so the Central System unlocks it: Unlocked or NotSupported (step 6). 1.6 §4.10, §9.1.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, noteTransactionEnded } from '../_shared/charge-point.js';
import { applyConfigurationStates, minimumStatusDurationZero } from '../_shared/config-states.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_005_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false',
  useCases: ['Stop Transaction', 'Status Notification', 'Unlock Connector'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §5.18', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'CFG-StopTransactionOnEVSideDisconnectSettable' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StopTransaction.req reason EVDisconnected for the transaction of the Charging state' },
    { step: 3, checks: 'StatusNotification.req Finishing or Available, before or after the StopTransaction.req' },
    { step: 6, checks: 'UnlockConnector.conf status Unlocked or NotSupported' },
  ],
  detects: ['wrong-stop-reason', 'no-stop-transaction', 'unlock-fails'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await applyConfigurationStates(ctx, [minimumStatusDurationZero, { key: 'StopTransactionOnEVSideDisconnect', value: 'true' }, { key: 'UnlockConnectorOnEVSideDisconnect', value: 'false' }]);
    const transactionId = await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    await ctx.step('Steps 1-4: the EV driver unplugs at the EV side: StopTransaction.req EVDisconnected, StatusNotification.req Finishing or Available', async () => {
      fromNow(ctx);
      await ctx.dut('unplugEvSide', { connectorId });
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
        anyOrder: 'OCTT 1.6 TC_005_2_CS: "Step 1 and step 3 may be reversed"',
        step: 1,
      });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req transactionId is the one of the Charging state', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 1 });
      ctx.check('reason is EVDisconnected', stop?.payload['reason'] === 'EVDisconnected', { expected: 'EVDisconnected', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 1 });
      const status = sn?.payload['status'];
      ctx.check('status is Finishing or Available', status === 'Finishing' || status === 'Available', { expected: 'Finishing or Available', actual: status, frames: framesOf(sn), step: 3 });
    });
    await ctx.step('Steps 5-6: UnlockConnector.req: Unlocked or NotSupported', async () => {
      const res = await ctx.call('UnlockConnector', { connectorId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('UnlockConnector.conf status is Unlocked or NotSupported', answer === 'Unlocked' || answer === 'NotSupported', { expected: 'Unlocked or NotSupported', actual: answer, step: 6 });
    });
  },
});
