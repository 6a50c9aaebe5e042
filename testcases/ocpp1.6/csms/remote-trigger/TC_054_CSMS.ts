/**
 * OCPP 1.6 TC_054_CSMS — Trigger Message. OCTT 1.6 document §3.18.1; OCPP 1.6 §5.17: the operator
 * makes the Central System ask for MeterValues and StatusNotification of the configured connector,
 * Heartbeat, DiagnosticsStatusNotification and FirmwareStatusNotification; the harness (as Charge
 * Point) accepts each, sends the message after its answer (Diagnostics/Firmware status Idle) and the
 * Central System must answer every one.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, request, triggeredCall } from '../_shared/charge-point.js';

interface Exchange {
  requestedMessage: string;
  connectorId?: number;
  /** The official step of the TriggerMessage.req. */
  step: number;
  /** The official step validating the harness's TriggerMessage.conf. */
  confStep: number;
  /** The message the harness sends once it has answered, and the step validating it. */
  message: { payload: JsonObject; step: number };
}

async function exchange(ctx: TestContext, e: Exchange): Promise<void> {
  const call = await triggeredCall(ctx, { action: 'TriggerMessage', trigger: 'triggerTriggerMessage', params: { requestedMessage: e.requestedMessage, ...(e.connectorId === undefined ? {} : { connectorId: e.connectorId }) }, answer: () => ({ status: 'Accepted' }), step: e.step });
  const frames = call.frames;
  ctx.check(`TriggerMessage.req requestedMessage is ${e.requestedMessage}`, call.payload['requestedMessage'] === e.requestedMessage, { expected: e.requestedMessage, actual: call.payload['requestedMessage'] ?? 'absent', frames, step: e.step });
  if (e.connectorId !== undefined) ctx.check('TriggerMessage.req connectorId is the configured connector', call.payload['connectorId'] === e.connectorId, { expected: e.connectorId, actual: call.payload['connectorId'] ?? 'absent', frames, step: e.step });
  ctx.check('the harness answered TriggerMessage.conf Accepted', call.reply['status'] === 'Accepted', { expected: 'Accepted', actual: call.reply, frames, step: e.confStep });
  // §5.17: the requested message goes only after the TriggerMessage.conf (triggeredCall waited for it).
  await request(ctx, e.requestedMessage, e.message.payload, { step: e.message.step, describe: `the Central System answers the triggered ${e.requestedMessage}.req` });
}

export default defineTestCase({
  id: 'TC_054_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'RemoteTrigger',
  title: 'Trigger Message',
  useCases: ['Trigger Message'],
  requirements: ['OCPP 1.6 §5.17'],
  certification: [{ profile: 'Remote Trigger', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'TriggerMessage.req MeterValues with the configured connectorId; the MeterValues.req that follows is answered' },
    { step: 2, checks: 'the harness answers TriggerMessage.conf Accepted (steps 2, 6, 10, 14)' },
    { step: 5, checks: 'TriggerMessage.req Heartbeat; the Heartbeat.req that follows is answered' },
    { step: 9, checks: 'TriggerMessage.req StatusNotification with the configured connectorId; the StatusNotification.req that follows is answered' },
    { step: 13, checks: 'TriggerMessage.req DiagnosticsStatusNotification' },
    { step: 15, checks: 'the harness sends DiagnosticsStatusNotification.req Idle; the Central System answers it' },
    { step: 17, checks: 'TriggerMessage.req FirmwareStatusNotification' },
    { step: 18, checks: 'the harness answers TriggerMessage.conf Accepted (the trigger is implemented)' },
    { step: 19, checks: 'the harness sends FirmwareStatusNotification.req Idle; the Central System answers it' },
  ],
  detects: ['trigger-message-wrong-message', 'trigger-message-no-connector', 'ignores-trigger'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const now = (): string => new Date(ctx.clock.wallMs()).toISOString();
    await ctx.step('1-4. TriggerMessage MeterValues (configured connector): Accepted; MeterValues.req answered', async () => {
      const wh = chargePoint(ctx).meterWh;
      const meterValue = [{ timestamp: now(), sampledValue: [{ value: String(wh), context: 'Trigger', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }];
      await exchange(ctx, { requestedMessage: 'MeterValues', connectorId, step: 1, confStep: 2, message: { payload: { connectorId, meterValue }, step: 1 } });
    });
    await ctx.step('5-8. TriggerMessage Heartbeat: Accepted; Heartbeat.req answered', async () => {
      await exchange(ctx, { requestedMessage: 'Heartbeat', step: 5, confStep: 2, message: { payload: {}, step: 5 } });
    });
    await ctx.step('9-12. TriggerMessage StatusNotification (configured connector): Accepted; StatusNotification.req answered', async () => {
      const status = chargePoint(ctx).status.get(connectorId) ?? 'Available';
      await exchange(ctx, { requestedMessage: 'StatusNotification', connectorId, step: 9, confStep: 2, message: { payload: { connectorId, errorCode: 'NoError', status, timestamp: now() }, step: 9 } });
    });
    await ctx.step('13-16. TriggerMessage DiagnosticsStatusNotification: Accepted; DiagnosticsStatusNotification.req Idle answered', async () => {
      await exchange(ctx, { requestedMessage: 'DiagnosticsStatusNotification', step: 13, confStep: 2, message: { payload: { status: 'Idle' }, step: 15 } });
    });
    await ctx.step('17-20. TriggerMessage FirmwareStatusNotification: Accepted; FirmwareStatusNotification.req Idle answered', async () => {
      await exchange(ctx, { requestedMessage: 'FirmwareStatusNotification', step: 17, confStep: 18, message: { payload: { status: 'Idle' }, step: 19 } });
    });
  },
});
