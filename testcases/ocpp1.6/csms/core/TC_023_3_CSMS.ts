/**
 * TC_023_3_CSMS Start Charging Session - Authorize blocked (OCTT 1.6 test case document Table 138;
 * OCPP 1.6 edition 2 §4.1 Authorize, §7.2 AuthorizationStatus).
 *
 * The EV driver presents the configured blocked idTag (prerequisite: the Central System holds it
 * with status Blocked): step 1 Authorize.req, step 2 Authorize.conf whose idTagInfo.status "is
 * Blocked". The document validates nothing else and asks for no cable or status messages, and
 * Invalid (1.6 §7.2: "Identifier is unknown") is not Blocked.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session - Authorize blocked',
  certification: [{ profile: 'Core', need: 'M' }],
  // §1.3 general preconditions: the Charge Point is Accepted and connected.
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Authorize.req with the configured blocked idTag; Authorize.conf idTagInfo.status Blocked' },
  ],
  detects: ['accepts-blocked-token', 'blocked-token-invalid'],
  async run(ctx) {
    const idTag = ctx.config.idTokens.blocked.idToken;
    await ctx.step('Steps 1-2: Authorize.req with the configured blocked idTag; Authorize.conf idTagInfo.status is Blocked', async () => {
      const status = await authorize(ctx, idTag);
      ctx.check('Authorize.conf idTagInfo.status', status === 'Blocked', { expected: 'Blocked', actual: status ?? 'absent', step: 1 });
    });
  },
});
