/**
 * OCPP 1.6 TC_055_CSMS — Trigger Message - Rejected. OCTT 1.6 document §3.18.2; OCPP 1.6 §5.17:
 * the operator makes the Central System ask for MeterValues of a connector the Charge Point does
 * not have (NumberOfConnectors + 1); the harness answers Rejected, which the Central System must take.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall, unknownConnectorId } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_055_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'RemoteTrigger',
  title: 'Trigger Message - Rejected',
  useCases: ['Trigger Message'],
  requirements: ['OCPP 1.6 §5.17'],
  certification: [{ profile: 'Remote Trigger', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'TriggerMessage.req MeterValues for connectorId NumberOfConnectors + 1' },
    { step: 2, checks: 'the harness answers TriggerMessage.conf Rejected' },
  ],
  detects: ['trigger-message-no-connector', 'trigger-message-wrong-message'],
  async run(ctx) {
    const connectorId = unknownConnectorId(ctx);
    await ctx.step(`1-2. TriggerMessage MeterValues for connector ${connectorId} (not there), answered Rejected`, async () => {
      const call = await triggeredCall(ctx, { action: 'TriggerMessage', trigger: 'triggerTriggerMessage', params: { requestedMessage: 'MeterValues', connectorId }, answer: () => ({ status: 'Rejected' }), step: 1 });
      const frames = call.frames;
      ctx.check('TriggerMessage.req requestedMessage is MeterValues', call.payload['requestedMessage'] === 'MeterValues', { expected: 'MeterValues', actual: call.payload['requestedMessage'] ?? 'absent', frames, step: 1 });
      ctx.check(`TriggerMessage.req connectorId is ${connectorId} (NumberOfConnectors + 1)`, call.payload['connectorId'] === connectorId, { expected: connectorId, actual: call.payload['connectorId'] ?? 'absent', frames, step: 1 });
      ctx.check('the harness answered TriggerMessage.conf Rejected', call.reply['status'] === 'Rejected', { expected: 'Rejected', actual: call.reply, frames, step: 2 });
    });
  },
});
