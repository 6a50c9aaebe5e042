/**
 * OCPP 1.6 TC_005_1_CS — EV Side Disconnected - StopTransactionOnEVSideDisconnect = true (unlock
 * true). Derived from OCPP 1.6 edition 2 §4.10 (with StopTransactionOnEVSideDisconnect true the
 * transaction SHALL be stopped when the cable is disconnected at the EV; with
 * UnlockConnectorOnEVSideDisconnect true the connector is unlocked too), §7.36 (reason
 * EVDisconnected) and §9.1.23 / §9.1.33, in the shape of 2.0.1 Part 6 TC_E_09_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded, ongoingTransaction, setConfiguration, status, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_005_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  useCases: ['Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §9.1.23', 'OCPP 1.6 §9.1.33'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StopTransaction.req reason EVDisconnected for the ongoing transactionId' },
  ],
  waivers: [
    { step: 3, reason: 'OCTT 1.6 document TC_005_1_CS step 3: StatusNotification.req Finishing after the cable is unplugged at the EV side only (it stays in the Charge Point, MinimumStatusDuration 0). A harness gap, not a document one: the DUT adapter has no EV-side-only unplug (src/engine/dut-adapter.ts unplug takes the cable out on both sides), so the case cannot bring the charge point into that state and checks Available after a full unplug instead' },
  ],
  detects: ['wrong-stop-reason', 'no-stop-transaction'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('Before: StopTransactionOnEVSideDisconnect = true, UnlockConnectorOnEVSideDisconnect = true', async () => {
      await setConfiguration(ctx, 'StopTransactionOnEVSideDisconnect', 'true', { required: true });
      await setConfiguration(ctx, 'UnlockConnectorOnEVSideDisconnect', 'true', { required: true });
    });
    await ctx.state('Charging', { connectorId });
    const transactionId = ongoingTransaction(ctx, connectorId);
    await ctx.step('Disconnect the cable at the EV: StopTransaction.req reason EVDisconnected, connector Available', async () => {
      await unplug(ctx, connectorId);
      const [stop] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Available') }]);
      noteTransactionEnded(ctx, connectorId);
      ctx.check('transactionId is the one of StartTransaction.conf', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop) });
      ctx.check('reason is EVDisconnected', stop?.payload['reason'] === 'EVDisconnected', { expected: 'EVDisconnected', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop) });
    });
  },
});
