/**
 * OCPP 1.6 TC_054_CS — Trigger Message. OCTT 1.6 document §2.21.1; OCPP 1.6 §5.17: the charge point
 * answers TriggerMessage.conf first, then sends the message asked for (MeterValues and
 * StatusNotification of the configured connector, Heartbeat, DiagnosticsStatusNotification Idle;
 * FirmwareStatusNotification Idle only if it implements that trigger: Accepted or NotImplemented).
 * A message of the same kind sent by normal operation in between MAY count as the triggered one
 * (§5.17), so any one of the kind (of that connector) after the answer is taken.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/charge-point.js';
import { send } from '../local-auth-list/local-list.js';

async function trigger(ctx: TestContext, requestedMessage: string, connectorId: number | undefined, accepted: readonly string[]): Promise<string | undefined> {
  fromNow(ctx);
  const answer = await send(ctx, 'TriggerMessage', { requestedMessage, ...(connectorId === undefined ? {} : { connectorId }) });
  const status = answer.payload?.['status'];
  // The document validates the answers of steps 2, 6, 10 and 14 together under "Step 2/6/10/14".
  const step = requestedMessage === 'FirmwareStatusNotification' ? 18 : 2;
  ctx.check(`TriggerMessage.conf status is ${accepted.join(' or ')}`, typeof status === 'string' && accepted.includes(status), { expected: accepted.join(' or '), actual: answer.words, frames: answer.frames, step });
  return typeof status === 'string' ? status : undefined;
}

export default defineTestCase({
  id: 'TC_054_CS',
  version: '1.6',
  sut: 'cs',
  block: 'RemoteTrigger',
  title: 'Trigger Message',
  useCases: ['Trigger Message'],
  requirements: ['OCPP 1.6 §5.17', 'OCPP 1.6 §4.4', 'OCPP 1.6 §4.5'],
  certification: [{ profile: 'Remote Trigger', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'TriggerMessage.conf status Accepted (steps 2, 6, 10 and 14: MeterValues, Heartbeat, StatusNotification, DiagnosticsStatusNotification)' },
    { step: 15, checks: 'DiagnosticsStatusNotification.req status Idle' },
    { step: 18, checks: 'TriggerMessage.conf (FirmwareStatusNotification) status Accepted or NotImplemented' },
    { step: 19, checks: 'FirmwareStatusNotification.req status Idle, when the trigger was Accepted' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_054_CS step 1 validates an own message of the Central System (TriggerMessage.req MeterValues for the configured connectorId); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_054_CS step 5 validates an own message of the Central System (TriggerMessage.req Heartbeat); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 9, reason: 'OCTT 1.6 document TC_054_CS step 9 validates an own message of the Central System (TriggerMessage.req StatusNotification for the configured connectorId); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 13, reason: 'OCTT 1.6 document TC_054_CS step 13 validates an own message of the Central System (TriggerMessage.req DiagnosticsStatusNotification); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 17, reason: 'OCTT 1.6 document TC_054_CS step 17 validates an own message of the Central System (TriggerMessage.req FirmwareStatusNotification); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['trigger-message-ignored', 'trigger-meter-values-not-implemented'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const forConnector: JsonObject = { connectorId };
    // Messages of normal operation for other connectors (clock-aligned meter values …) may come first.
    const anyOrder = 'OCPP 1.6 §5.17: "In such cases the message just sent MAY be considered as complying with the request"';
    await ctx.step('1-4. TriggerMessage MeterValues (configured connector): Accepted, then MeterValues.req', async () => {
      await trigger(ctx, 'MeterValues', connectorId, ['Accepted']);
      await ctx.expectCall('MeterValues', { match: forConnector, anyOrder, step: 2 });
    });
    await ctx.step('5-8. TriggerMessage Heartbeat: Accepted, then Heartbeat.req', async () => {
      await trigger(ctx, 'Heartbeat', undefined, ['Accepted']);
      await ctx.expectCall('Heartbeat', { step: 2 });
    });
    await ctx.step('9-12. TriggerMessage StatusNotification (configured connector): Accepted, then StatusNotification.req', async () => {
      await trigger(ctx, 'StatusNotification', connectorId, ['Accepted']);
      await ctx.expectCall('StatusNotification', { match: forConnector, anyOrder, step: 2 });
    });
    await ctx.step('13-16. TriggerMessage DiagnosticsStatusNotification: Accepted, then DiagnosticsStatusNotification.req Idle', async () => {
      await trigger(ctx, 'DiagnosticsStatusNotification', undefined, ['Accepted']);
      const dsn = await ctx.expectCall('DiagnosticsStatusNotification', { step: 15 });
      ctx.check('DiagnosticsStatusNotification.req status is Idle', dsn.payload['status'] === 'Idle', { expected: 'Idle', actual: dsn.payload['status'], frames: dsn.frameSeq === undefined ? [] : [dsn.frameSeq], step: 15 });
    });
    await ctx.step('17-20. TriggerMessage FirmwareStatusNotification: Accepted (then FirmwareStatusNotification.req Idle) or NotImplemented', async () => {
      const status = await trigger(ctx, 'FirmwareStatusNotification', undefined, ['Accepted', 'NotImplemented']);
      if (status !== 'Accepted') return;
      const fsn = await ctx.expectCall('FirmwareStatusNotification', { step: 19 });
      ctx.check('FirmwareStatusNotification.req status is Idle', fsn.payload['status'] === 'Idle', { expected: 'Idle', actual: fsn.payload['status'], frames: fsn.frameSeq === undefined ? [] : [fsn.frameSeq], step: 19 });
    });
  },
});
