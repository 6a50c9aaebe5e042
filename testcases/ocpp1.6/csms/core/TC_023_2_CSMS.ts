/**
 * TC_023_2_CSMS Start Charging Session - Authorize expired (OCTT 1.6 document §3.8.2, Table 137;
 * OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus).
 *
 * The driver presents the configured expired idTag: Authorize.conf idTagInfo.status must be Expired
 * (the document numbers this validation step 1). prerequisite: the Central System holds the idTag with status Expired; §7.2 has a status of its own for it, and the document asks for it (Invalid is another answer). The document has no
 * other messages in this case.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, generalPreconditions } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session – Authorize expired',
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §7.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 1, checks: 'Authorize.conf idTagInfo.status Expired for the configured expired idTag' }],
  detects: ['accepts-expired-token', 'expired-token-invalid'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: Authorize.req with the configured expired idTag → idTagInfo.status Expired', async () => {
      await authorize(ctx, ctx.config.idTokens.expired.idToken, { expect: 'Expired', step: 1 });
    });
  },
});
