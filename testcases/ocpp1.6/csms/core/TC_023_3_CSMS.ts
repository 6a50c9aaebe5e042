/**
 * TC_023_3_CSMS Start Charging Session - Authorize blocked (OCTT 1.6 document §3.8.3, Table 138;
 * OCPP 1.6 §4.1 Authorize, §7.2 AuthorizationStatus).
 *
 * The driver presents the configured blocked idTag: Authorize.conf idTagInfo.status must be Blocked
 * (the document numbers this validation step 1). prerequisite: the Central System holds the idTag with status Blocked; the document asks for Blocked (Invalid is another answer). The document has no
 * other messages in this case.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, generalPreconditions } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session – Authorize blocked',
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §7.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 1, checks: 'Authorize.conf idTagInfo.status Blocked for the configured blocked idTag' }],
  detects: ['accepts-blocked-token', 'blocked-token-invalid'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: Authorize.req with the configured blocked idTag → idTagInfo.status Blocked', async () => {
      await authorize(ctx, ctx.config.idTokens.blocked.idToken, { expect: 'Blocked', step: 1 });
    });
  },
});
