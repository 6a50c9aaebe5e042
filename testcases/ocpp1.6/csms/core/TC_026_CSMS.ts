/**
 * TC_026_CSMS Remote Start Charging Session - Rejected (OCPP 1.6 edition 2 §5.11
 * RemoteStartTransaction: the Charge Point says whether it accepted; shape of 2.0.1 Part 6
 * TC_F_01_CSMS with the answer Rejected).
 *
 * The operator makes the Central System start a transaction remotely for the configured valid
 * idTag; the Charge Point rejects the request. The request must be well formed (the idTag asked
 * for); the Central System must take Rejected as the answer. No transaction follows.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answered, answerWith, checkRemoteStart } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_026_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Start Charging Session - Rejected',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction for the configured valid idTag → Rejected' },
  ],
  detects: ['ignores-trigger', 'remote-start-without-idtoken'],
  async run(ctx) {
    await ctx.step('1-2. RemoteStartTransaction for the configured valid idTag → Rejected', async () => {
      const sent = answerWith(ctx, 'RemoteStartTransaction', () => ({ status: 'Rejected' }));
      await ctx.dut('triggerRequestStartTransaction', { connectorId: ctx.config.connectorId, idTag: ctx.config.idTokens.valid.idToken });
      const call = await ctx.expectCall('RemoteStartTransaction');
      checkRemoteStart(ctx, call.payload, call.frameSeq === undefined ? [] : [call.frameSeq]);
      await answered(ctx, sent);
    });
  },
});
