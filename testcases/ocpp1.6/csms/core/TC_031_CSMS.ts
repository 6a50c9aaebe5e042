/**
 * TC_031_CSMS Unlock Connector - Unknown Connector (OCTT 1.6 document §3.10.2, Table 143; OCPP
 * 1.6 §5.18 UnlockConnector: NotSupported for a connector the Charge Point does not have).
 *
 * The operator makes the Central System unlock a connector the Charge Point does not have (one
 * above its NumberOfConnectors). The request must name that connector, so the Charge Point
 * answers NotSupported (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, generalPreconditions, triggeredCall, unknownConnectorId, unlockConnectorAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_031_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Unlocking Non-happy flow',
  title: 'Unlock Connector – Unknown Connector',
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'UnlockConnector.req for the unknown connector, so the Charge Point answers NotSupported' }],
  detects: ['ignores-trigger', 'unlock-connector-first-only'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = unknownConnectorId(ctx);
    await ctx.step(`Steps 1-2: UnlockConnector.req for connector ${connectorId} (unknown) → NotSupported`, async () => {
      const call = await triggeredCall(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { connectorId }, answer: (c) => unlockConnectorAnswer(ctx, c.payload, 'unlocks'), step: 2 });
      ctx.check('UnlockConnector.req connectorId is the unknown connector asked for', call.payload.connectorId === connectorId, { expected: connectorId, actual: call.payload.connectorId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'UnlockConnector', call.reply, 'NotSupported', call.frames, 2);
    });
  },
});
