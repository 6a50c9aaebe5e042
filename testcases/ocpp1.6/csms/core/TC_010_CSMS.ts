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
  block: 'Core',
  title: 'Remote Start Charging Session - Cable Plugged in First',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Preparing'],
  validations: [
    { step: 1, checks: 'RemoteStartTransaction for the configured valid idTag → Accepted' },
    { step: 4, checks: 'Authorize the remote idTag → Accepted' },
    { step: 6, checks: 'StartTransaction → transactionId > 0, idTagInfo Accepted' },
    { step: 8, checks: 'Energy transfer: StatusNotification Charging' },
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
