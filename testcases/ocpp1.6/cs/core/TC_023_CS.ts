/**
 * OCPP 1.6 TC_023_CS — Start Charging Session – Authorize invalid (OCTT 1.6 document §2.10.1): with
 * MinimumStatusDuration 10 (where the charge point has it) and LocalPreAuthorize true, plug in:
 * Preparing (step 1); an invalid idTag: Authorize.req, answered Invalid by the harness (step 4);
 * the expected result: no transaction starts (1.6 §4.1, §4.8).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, framesOf, journalMark, plugIn, presentIdTag } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';

export default defineTestCase({
  id: 'TC_023_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session – Authorize invalid',
  useCases: ['Authorize', 'Start Transaction'],
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 1, checks: 'StatusNotification.req Preparing after the cable is plugged in' }],
  waivers: [{ step: 4, reason: 'OCTT 1.6 document TC_023_CS step 4 validates an own message of the Central System (Authorize.conf idTagInfo.status Invalid); the harness plays the Central System and answers the configured invalid idTag so: there is nothing of the charge point to judge in it' }],
  detects: ['starts-tx-for-invalid-token', 'no-authorize'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.invalid.idToken;
    await applyConfigurationStates(ctx, [
      { key: 'MinimumStatusDuration', value: '10', optional: 'OCTT 1.6 §1.3: a charge point without MinimumStatusDuration can still pass' },
      { key: 'LocalPreAuthorize', value: 'true' },
    ]);
    await ctx.step('Steps 1-2: the EV driver plugs in: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 1 });
      ctx.check('status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn), step: 1 });
    });
    await ctx.step('Steps 3-4: the EV driver presents an invalid idTag: Authorize.req (answered Invalid); no transaction starts', async () => {
      const since = journalMark(ctx);
      await presentIdTag(ctx, idTag, connectorId);
      await ctx.expectCall('Authorize', { match: { idTag } });
      // The expected result of the document: the Charge Point does NOT start a transaction.
      await expectNone(ctx, 'StartTransaction', since);
    });
  },
});
