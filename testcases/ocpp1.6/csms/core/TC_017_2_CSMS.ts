/**
 * TC_017_2_CSMS Unlock connector - no charging session running (Fixed cable) (OCTT 1.6 document
 * §3.6.2, Table 131; OCPP 1.6 §5.18 UnlockConnector: a Charge Point with a fixed cable has
 * nothing to unlock).
 *
 * Without a transaction, the operator makes the Central System unlock the configured connector;
 * the Charge Point has a fixed cable and answers NotSupported (step 2). The request must still
 * name the connector asked for.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, generalPreconditions, triggeredCall, unlockConnectorAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_017_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock connector - no charging session running (Fixed cable)',
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'UnlockConnector.req for the configured connector; the fixed-cable Charge Point answers NotSupported' }],
  detects: ['ignores-trigger', 'unlock-connector-zero'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: UnlockConnector.req → UnlockConnector.conf NotSupported (fixed cable)', async () => {
      const call = await triggeredCall(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { connectorId }, answer: (c) => unlockConnectorAnswer(ctx, c.payload, 'fixedCable'), step: 2 });
      ctx.check('UnlockConnector.req connectorId is the configured connector', call.payload.connectorId === connectorId, { expected: connectorId, actual: call.payload.connectorId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'UnlockConnector', call.reply, 'NotSupported', call.frames, 2);
    });
  },
});
