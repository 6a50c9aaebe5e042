/**
 * TC_010_CSMS Remote Start Charging Session - Cable Plugged in First (OCPP 1.6 edition 2 §5.11
 * RemoteStartTransaction, §4.1 Authorize, §4.8 StartTransaction; shape of 2.0.1 Part 6
 * TC_F_01_CSMS).
 *
 * With the cable already plugged in, the operator makes the Central System start a transaction
 * remotely for the configured valid idTag. The harness accepts, authorizes the idTag as a Charge
 * Point with AuthorizeRemoteTxRequests = true does (§5.11), starts the transaction and charges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answerWith, authorizeValid, checkRemoteStart, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_010_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session - Cable Plugged in First',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Preparing'],
  validations: [
    { step: 6, checks: 'Authorize.conf idTagInfo.status Accepted for the remote idTag' },
    { step: 8, checks: 'StartTransaction.conf idTagInfo.status Accepted (transactionId > 0)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_010_CSMS step 1 validates an own message of the Charge Point (StatusNotification.req Preparing, reusable state Preparing); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
    { step: 4, reason: 'OCTT 1.6 document TC_010_CSMS step 4 validates an own message of the Charge Point (RemoteStartTransaction.conf status Accepted); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
    { step: 9, reason: 'OCTT 1.6 document TC_010_CSMS step 9 validates an own message of the Charge Point (StatusNotification.req Charging); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
  ],
  detects: ['ignores-trigger', 'remote-start-without-idtoken', 'transaction-id-zero'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const validIdTag = ctx.config.idTokens.valid.idToken;
    let idTag = validIdTag;
    await ctx.step('1-2. RemoteStartTransaction for the configured valid idTag → Accepted', async () => {
      void answerWith(ctx, 'RemoteStartTransaction', () => ({ status: 'Accepted' }));
      await ctx.dut('triggerRequestStartTransaction', { connectorId, idTag: validIdTag });
      const call = await ctx.expectCall('RemoteStartTransaction');
      checkRemoteStart(ctx, call.payload, call.frameSeq === undefined ? [] : [call.frameSeq]);
      idTag = String(call.payload.idTag);
    });
    await ctx.step('3-4. Authorize the remote idTag → Accepted', async () => {
      await authorizeValid(ctx);
    });
    await ctx.step('5-6. StartTransaction → transactionId > 0, idTagInfo Accepted', async () => {
      await startTransaction(ctx, idTag, connectorId);
    });
    await ctx.step('7-8. Energy transfer: StatusNotification Charging', async () => {
      await statusNotification(ctx, connectorId, 'Charging');
    });
  },
});
