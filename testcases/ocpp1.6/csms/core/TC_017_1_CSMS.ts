/**
 * TC_017_1_CSMS Unlock connector - no charging session running (Not fixed cable) (OCTT 1.6
 * document §3.6.1, Table 130; OCPP 1.6 §5.18 UnlockConnector).
 *
 * Without a transaction, the operator makes the Central System unlock the configured connector;
 * the Charge Point (a socket, no fixed cable) unlocks it and answers Unlocked (step 2), which it can
 * only do for an UnlockConnector.req naming one of its connectors.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, generalPreconditions, triggeredCall, unlockConnectorAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_017_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'UnlockConnector.req for the configured connector, so the Charge Point answers Unlocked' }],
  detects: ['ignores-trigger', 'unlock-connector-zero'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: UnlockConnector.req → UnlockConnector.conf Unlocked', async () => {
      const call = await triggeredCall(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { connectorId }, answer: (c) => unlockConnectorAnswer(ctx, c.payload, 'unlocks'), step: 2 });
      ctx.check('UnlockConnector.req connectorId is the configured connector', call.payload.connectorId === connectorId, { expected: connectorId, actual: call.payload.connectorId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'UnlockConnector', call.reply, 'Unlocked', call.frames, 2);
    });
  },
});
