/**
 * OCPP 1.6 TC_004_1_CS — Regular Charging Session – Identification First (OCTT 1.6 document §2.2.2):
 * MeterValueSampleInterval set to the configured meter value interval, the reusable state
 * Authorized (step 1), then the cable (step 2): StartTransaction.req and StatusNotification.req
 * Charging in either order (steps 3 and 5). The restore ends the transaction afterwards.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransaction, plugIn } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredMeterValueIntervalS } from '../_shared/configured.js';

export default defineTestCase({
  id: 'TC_004_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First',
  useCases: ['Authorize', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 5, checks: 'StatusNotification.req Charging after the cable is plugged in (StartTransaction.req before or after it)' }],
  waivers: [
    { step: 4, reason: 'OCTT 1.6 document TC_004_1_CS step 4 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['no-authorize', 'suspended-evse-while-charging'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await applyConfigurationStates(ctx, [{ key: 'MeterValueSampleInterval', value: String(configuredMeterValueIntervalS(ctx)) }]);
    await ctx.step('Step 1: reusable state Authorized', () => ctx.state('Authorized', { connectorId, idTag }));
    await ctx.step('Steps 2-6: plug in: StartTransaction.req and StatusNotification.req Charging, in either order', async () => {
      await plugIn(ctx, connectorId);
      const [start, sn] = await ctx.expectAll(
        [{ action: 'StartTransaction', match: { connectorId } }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }],
        { anyOrder: 'OCTT 1.6 TC_004_1_CS: "Step 3 and step 5 may be reversed"', step: 5 },
      );
      ctx.check('status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
      if (start) await noteTransaction(ctx, start);
    });
  },
});
