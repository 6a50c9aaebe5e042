/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_51_CSMS: during a transaction (EnergyTransferStarted) the external
 * limit an EMS had set is released: ClearedChargingLimitRequest (chargingLimitSource EMS, the
 * configured EVSE), then a TransactionEvent Updated with triggerReason ChargingRateChanged; the
 * CSMS must answer both (Part 2 K13).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_K_51_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Reset / release external charging limit - With ongoing transaction',
  useCases: ['K13'],
  certification: [],
  states: ['EnergyTransferStarted'],
  validations: [],
  detects: ['smart-charging-notification-error'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the station sends ClearedChargingLimitRequest (source EMS); the CSMS answers', async () => {
      await ctx.callExpect('ClearedChargingLimit', { chargingLimitSource: 'EMS', evseId: ctx.config.evseId }, { describe: 'a ClearedChargingLimitResponse' });
    });
    await ctx.step('Steps 3-4: the station sends TransactionEventRequest Updated, ChargingRateChanged; the CSMS answers', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingRateChanged', chargingState: 'Charging' });
    });
  },
});
