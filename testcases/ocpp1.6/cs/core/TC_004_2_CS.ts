/**
 * OCPP 1.6 TC_004_2_CS — Regular Charging Session – Identification First - ConnectionTimeOut (OCTT
 * 1.6 document §2.2.3): ConnectionTimeOut set to the configured connection timeout, the reusable
 * state Authorized (step 1) and no cable: once the time-out expired the connector is Available
 * again (step 2; 1.6 §9.1 ConnectionTimeOut, §4.9 Preparing → Available).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, journalMark } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredConnectionTimeOutS } from '../_shared/configured.js';

export default defineTestCase({
  id: 'TC_004_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First - ConnectionTimeOut',
  useCases: ['Authorize', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'StatusNotification.req Available once ConnectionTimeOut expired (not before it)' }],
  detects: ['ignores-ev-connection-timeout'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const timeoutS = configuredConnectionTimeOutS(ctx);
    await applyConfigurationStates(ctx, [{ key: 'ConnectionTimeOut', value: String(timeoutS) }]);
    const since = journalMark(ctx);
    await ctx.step('Step 1: reusable state Authorized (no cable)', () => ctx.state('Authorized', { connectorId }));
    await ctx.step(`Steps 2-3: after ConnectionTimeOut (${timeoutS} s): StatusNotification.req Available`, async () => {
      // The time-out counts from the authorization (1.6 §9.1): from the Authorize.req on.
      const auth = ctx.journal().find((e) => e.index >= since && e.kind === 'callIn' && e.action === 'Authorize');
      const start = auth && auth.kind === 'callIn' ? { monoMs: auth.monoMs, ...(auth.frameSeq === undefined ? {} : { frameSeq: auth.frameSeq }) } : { monoMs: ctx.clock.monoMs() };
      fromNow(ctx);
      const sn = await ctx.expectGap('StatusNotification', { after: start, minMs: timeoutS * 1000, withinMs: timeoutS * 1000 + 2 * ctx.toleranceMs, match: { connectorId }, step: 2 });
      ctx.check('status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 2 });
    });
  },
});
