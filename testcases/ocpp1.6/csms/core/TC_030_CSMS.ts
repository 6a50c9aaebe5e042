/**
 * TC_030_CSMS Unlock Connector - Unlock Failure (OCTT 1.6 document §3.10.1, Table 142; OCPP 1.6
 * §5.18 UnlockConnector, §7.46 UnlockStatus UnlockFailed).
 *
 * The operator makes the Central System unlock the configured connector; the connector's lock
 * is stuck, so the Charge Point answers UnlockFailed (step 2), which it can only do for an
 * UnlockConnector.req naming one of its connectors.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, generalPreconditions, triggeredCall, unlockConnectorAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_030_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Unlocking Non-happy flow',
  title: 'Unlock Connector – Unlock Failure',
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §7.46'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'UnlockConnector.req for the configured connector; its stuck lock makes the Charge Point answer UnlockFailed' }],
  detects: ['ignores-trigger', 'unlock-connector-zero'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: UnlockConnector.req → UnlockConnector.conf UnlockFailed', async () => {
      const call = await triggeredCall(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { connectorId }, answer: (c) => unlockConnectorAnswer(ctx, c.payload, 'stuck'), step: 2 });
      ctx.check('UnlockConnector.req connectorId is the configured connector', call.payload.connectorId === connectorId, { expected: connectorId, actual: call.payload.connectorId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'UnlockConnector', call.reply, 'UnlockFailed', call.frames, 2);
    });
  },
});
