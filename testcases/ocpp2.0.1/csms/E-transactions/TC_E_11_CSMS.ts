/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_11_CSMS: the simulated station starts its transaction when the
 * signed start meter value is there (TxStartPoint DataSigned): Authorize, plug in, TransactionEvent
 * Started with SignedDataReceived and a Transaction.Begin reading carrying a signedMeterValue,
 * then Charging. The CSMS must accept the idToken both times.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, nowIso, reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';
import { checkTokenStatus } from './support.js';

export default defineTestCase({
  id: 'TC_E_11_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - DataSigned',
  useCases: ['E01'],
  requirements: ['E01.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'AuthorizeResponse idTokenInfo.status Accepted' },
    { step: 6, checks: 'TransactionEventResponse (Started, SignedDataReceived) idTokenInfo.status Accepted' },
  ],
  detects: ['signed-meter-value-error', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    const valid = ctx.config.idTokens.valid;
    await ctx.step('Authorize the valid idToken (steps 1-2)', async () => {
      const response = await ctx.callExpect('Authorize', { idToken: idTokenOf(valid) });
      checkTokenStatus(ctx, response, ['Accepted'], { where: 'AuthorizeResponse', step: 2 });
    });
    await ctx.step('The EV is plugged in (steps 3-4)', async () => {
      stationOf(ctx).evConnected = true;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
    });
    await ctx.step('TransactionEvent Started, SignedDataReceived, signed begin reading (steps 5-6)', async () => {
      const timestamp = nowIso(ctx);
      // OCTT "Generated SignedMeterValueType": a signed register reading of 0 Wh, in our own encoding.
      const signedMeterData = Buffer.from(JSON.stringify({ meter: 'ocpp-conform', wh: 0, at: timestamp })).toString('base64');
      const signedMeterValue = { signedMeterData, signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: Buffer.from('ocpp-conform demo key').toString('base64') };
      const response = await sendTransactionEvent(ctx, {
        eventType: 'Started',
        triggerReason: 'SignedDataReceived',
        idToken: valid,
        meterValue: [{ timestamp, sampledValue: [{ value: 0.0, context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' }, signedMeterValue }] }],
      });
      checkTokenStatus(ctx, response, ['Accepted'], { where: 'TransactionEventResponse', step: 6 });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
    await ctx.step('Energy flows: TransactionEvent Updated Charging (steps 7-8)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    });
  },
});
