/**
 * TC_011_1_CSMS Remote Start Charging Session - Remote Start First (OCPP 1.6 edition 2 §5.11
 * RemoteStartTransaction, §4.1 Authorize, §4.9 StatusNotification, §4.8 StartTransaction; shape
 * of 2.0.1 Part 6 TC_F_02_CSMS).
 *
 * The operator makes the Central System start a transaction remotely for the configured valid
 * idTag before the EV is plugged in. The harness accepts, authorizes the idTag
 * (AuthorizeRemoteTxRequests = true), the cable is plugged in within the connection timeout, the
 * transaction starts and energy flows.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answerWith, authorizeValid, checkRemoteStart, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session - Remote Start First',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 6, checks: 'Authorize.conf idTagInfo.status Accepted for the remote idTag' },
    { step: 8, checks: 'StartTransaction.conf idTagInfo.status Accepted (transactionId > 0)' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_011_1_CSMS step 2 validates an own message of the Charge Point (RemoteStartTransaction.conf status Accepted); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_011_1_CSMS step 5 validates an own message of the Charge Point (StatusNotification.req Preparing); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
    { step: 9, reason: 'OCTT 1.6 document TC_011_1_CSMS step 9 validates an own message of the Charge Point (StatusNotification.req Charging); the harness plays the Charge Point and sends it so: there is nothing of the Central System to judge in it' },
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
    await ctx.step('5-6. Cable plugged in: StatusNotification Preparing', async () => {
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('7-8. StartTransaction → transactionId > 0, idTagInfo Accepted', async () => {
      await startTransaction(ctx, idTag, connectorId);
    });
    await ctx.step('9-10. Energy transfer: StatusNotification Charging', async () => {
      await statusNotification(ctx, connectorId, 'Charging');
    });
  },
});
