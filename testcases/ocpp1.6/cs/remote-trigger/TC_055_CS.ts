/**
 * OCPP 1.6 TC_055_CS — Trigger Message - Rejected. OCTT 1.6 document §2.21.2; OCPP 1.6 §5.17:
 * MeterValues for a connector the charge point does not have (NumberOfConnectors + 1) is refused
 * (TriggerMessage.conf Rejected; the scenario also allows a CALLERROR), and the message is not sent.
 */
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, quietMs } from '../_shared/charge-point.js';
import { send } from '../local-auth-list/local-list.js';

/**
 * A MeterValues.req that answers the trigger: for the connector asked for, or with a sampled value of
 * context Trigger (1.6 §7.30). Clock-aligned or transaction meter values of normal operation are not.
 */
function triggered(connectorId: number): (p: JsonObject) => boolean {
  return (p) => {
    if (p['connectorId'] === connectorId) return true;
    const values = Array.isArray(p['meterValue']) ? (p['meterValue'] as JsonObject[]) : [];
    return values.some((mv) => Array.isArray(mv['sampledValue']) && (mv['sampledValue'] as JsonObject[]).some((sv) => sv['context'] === 'Trigger'));
  };
}

export default defineTestCase({
  id: 'TC_055_CS',
  version: '1.6',
  sut: 'cs',
  block: 'RemoteTrigger',
  title: 'Trigger Message - Rejected',
  useCases: ['Trigger Message'],
  requirements: ['OCPP 1.6 §5.17'],
  certification: [{ profile: 'Remote Trigger', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'TriggerMessage.conf status Rejected (or a CALLERROR), and no MeterValues.req follows' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_055_CS step 1 validates an own message of the Central System (TriggerMessage.req MeterValues, connectorId NumberOfConnectors + 1); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['trigger-unknown-connector-accepted'],
  async run(ctx) {
    const connectorId = ctx.config.numberOfEvses + 1;
    await ctx.step(`1-2. TriggerMessage MeterValues for connector ${connectorId} (not there): Rejected, nothing sent`, async () => {
      fromNow(ctx);
      const mark = ctx.cursor();
      const answer = await send(ctx, 'TriggerMessage', { requestedMessage: 'MeterValues', connectorId });
      const ok = answer.payload?.['status'] === 'Rejected' || answer.errorCode !== undefined;
      ctx.check('TriggerMessage.conf status is Rejected (or a CALLERROR)', ok, { expected: 'Rejected or a CALLERROR', actual: answer.words, frames: answer.frames, step: 2 });
      const match = triggered(connectorId);
      const early = ctx.journal().find((e) => e.index >= mark && e.kind === 'callIn' && e.action === 'MeterValues' && match(e.payload));
      const earlyCall = early?.kind === 'callIn' ? early : undefined;
      ctx.check('no triggered MeterValues.req so far', earlyCall === undefined, { expected: 'none', actual: earlyCall ? JSON.stringify(earlyCall.payload).slice(0, 200) : 'none', frames: earlyCall ? framesOf(earlyCall) : answer.frames, step: 2 });
      await ctx.expectNoCall('MeterValues', { forMs: quietMs(ctx), match, describe: 'triggered meter values (the refused trigger)', step: 2 });
    });
  },
});
