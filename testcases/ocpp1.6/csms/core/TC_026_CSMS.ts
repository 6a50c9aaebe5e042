/**
 * TC_026_CSMS Remote Start Charging Session - Rejected (OCTT 1.6 document §3.9.1, Table 140;
 * OCPP 1.6 §5.11 RemoteStartTransaction: the Charge Point says whether it accepts).
 *
 * The operator makes the Central System start a transaction remotely for the configured valid
 * idTag; this Charge Point rejects the request (step 2) and no transaction follows. The request
 * must be the one asked for.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkRemoteStart, generalPreconditions, triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_026_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Start Charging Session – Rejected',
  requirements: ['OCPP 1.6 §5.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'RemoteStartTransaction.req for the configured idTag received; the Charge Point answers Rejected' }],
  detects: ['ignores-trigger', 'remote-start-without-idtoken'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: RemoteStartTransaction.req → RemoteStartTransaction.conf Rejected', async () => {
      const call = await triggeredCall(ctx, {
        action: 'RemoteStartTransaction',
        trigger: 'triggerRequestStartTransaction',
        params: { connectorId: ctx.config.connectorId, idTag: ctx.config.idTokens.valid.idToken },
        answer: () => ({ status: 'Rejected' }),
        step: 2,
      });
      checkRemoteStart(ctx, call.payload, call.frames, { step: 2 });
    });
  },
});
