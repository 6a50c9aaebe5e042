/**
 * OCPP 1.6 TC_005_1_CS — EV Side Disconnected - StopTransactionOnEVSideDisconnect = true -
 * UnlockConnectorOnEVSideDisconnect = true (OCTT 1.6 document §2.3.3). Prerequisites: no fixed
 * cable, StopTransactionOnEVSideDisconnect not ReadOnly false. With MinimumStatusDuration 0 and
 * both keys true, from the reusable state Charging the EV driver unplugs at the EV side only:
 * StopTransaction.req reason EVDisconnected (step 1) and StatusNotification.req Finishing (step 3),
 * in either order — the cable is still in the charge point (1.6 §4.10, §7.36, §9.1).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, noteTransactionEnded } from '../_shared/charge-point.js';
import { applyConfigurationStates, minimumStatusDurationZero } from '../_shared/config-states.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_005_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  useCases: ['Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §7.36', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { all: [{ not: { item: 'HW-FixedCable' } }, { item: 'CFG-StopTransactionOnEVSideDisconnectSettable' }] },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StopTransaction.req reason EVDisconnected for the transaction of the Charging state' },
    { step: 3, checks: 'StatusNotification.req Finishing (the cable still in the charge point), before or after the StopTransaction.req' },
  ],
  detects: ['wrong-stop-reason', 'no-stop-transaction', 'no-finishing-after-ev-unplug'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await applyConfigurationStates(ctx, [minimumStatusDurationZero, { key: 'StopTransactionOnEVSideDisconnect', value: 'true' }, { key: 'UnlockConnectorOnEVSideDisconnect', value: 'true' }]);
    const transactionId = await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    await ctx.step('Steps 1-4: the EV driver unplugs at the EV side: StopTransaction.req EVDisconnected, StatusNotification.req Finishing', async () => {
      fromNow(ctx);
      await ctx.dut('unplugEvSide', { connectorId });
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
        anyOrder: 'OCTT 1.6 TC_005_1_CS: "Step 1 and step 3 may be reversed"',
        step: 1,
      });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req transactionId is the one of the Charging state', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 1 });
      ctx.check('reason is EVDisconnected', stop?.payload['reason'] === 'EVDisconnected', { expected: 'EVDisconnected', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 1 });
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 3 });
    });
  },
});
