/**
 * TC_005_1_CSMS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true -
 * UnlockConnectorOnEVSideDisconnect = true (OCTT 1.6 document §3.2.4, Table 121; OCPP 1.6 §4.9,
 * §4.10, §7.36 Reason EVDisconnected, §9.1.23 / §9.1.33).
 *
 * While charging (reusable state Charging) the cable is pulled out at the EV: the connector goes
 * SuspendedEV (step 1), the Charge Point, configured to stop on an EV-side disconnect, stops the
 * transaction with reason EVDisconnected (step 3), goes Finishing (step 5) and, once the cable is
 * also unplugged at the Charge Point, Available (step 7). The Central System must answer each.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, statusNotification, stopTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_005_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §4.10', 'OCPP 1.6 §9.1.23', 'OCPP 1.6 §9.1.33'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Charging'],
  validations: [
    { step: 1, checks: 'StatusNotification.req SuspendedEV answered' },
    { step: 3, checks: 'StopTransaction.req reason EVDisconnected answered' },
    { step: 5, checks: 'StatusNotification.req Finishing answered' },
    { step: 7, checks: 'StatusNotification.req Available answered' },
  ],
  detects: ['status-enum-limited', 'stop-reason-limited'],
  async run(ctx) {
    const model = chargePoint(ctx);
    const tx = model.transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    // Both keys are true in the harness's Charge Point (its configuration is put back before every case).
    if (model.configuration.get('StopTransactionOnEVSideDisconnect')?.value !== 'true') return ctx.inconclusive('StopTransactionOnEVSideDisconnect is not true on the harness Charge Point');
    await ctx.step('Steps 1-2: cable disconnected at the EV, StatusNotification.req SuspendedEV → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'SuspendedEV', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: StopTransaction.req reason EVDisconnected → answered', async () => {
      await stopTransaction(ctx, 'EVDisconnected', { step: 3 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Finishing → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Finishing', 'NoError', { step: 5 });
    });
    await ctx.step('Steps 7-8: cable unplugged at the Charge Point, StatusNotification.req Available → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Available', 'NoError', { step: 7 });
    });
  },
});
