/**
 * TC_023_1_CSMS Start Charging Session - Authorize invalid (OCTT 1.6 document §3.8.1, Table 136;
 * OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus).
 *
 * The driver presents the configured invalid idTag: Authorize.conf idTagInfo.status must be Invalid
 * (the document numbers this validation step 1). §7.2 Invalid: the identifier is unknown or not valid. The document has no
 * other messages in this case.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, generalPreconditions } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session – Authorize invalid',
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §7.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 1, checks: 'Authorize.conf idTagInfo.status Invalid for the configured invalid idTag' }],
  detects: ['accepts-invalid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: Authorize.req with the configured invalid idTag → idTagInfo.status Invalid', async () => {
      await authorize(ctx, ctx.config.idTokens.invalid.idToken, { expect: 'Invalid', step: 1 });
    });
  },
});
