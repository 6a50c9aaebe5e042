/**
 * Robustness catalogue (beyond the official one), IB-29: A security profile downgrade through SetVariables is refused.
 * Enforces OCPP 2.0.1 Part 2 Appendices, SecurityCtrlr.SecurityProfile (read-only: the profile changes only through SetNetworkProfile, A05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB29_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-29',
  title: "A security profile downgrade through SetVariables is refused",
  certification: [],
  robustness: { ib: 'IB-29', clause: "OCPP 2.0.1 Part 2 Appendices, SecurityCtrlr.SecurityProfile (read-only: the profile changes only through SetNetworkProfile, A05)", severity: 'critical', notCovered: "TLS itself (a chain missing its intermediate, expired or wrong-CN certificates, TLS 1.1, client certificates of a wrong CA, RSA vs ECDSA CSRs) needs TLS on the loopback run; not covered here" },
  detects: ['writable-security-profile'],
  async run(ctx) {
    await ctx.peer();
    const result = await ctx.step('SetVariables SecurityCtrlr.SecurityProfile = 0', () =>
      ctx.callExpect('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'SecurityProfile' }, attributeValue: '0' }] }),
    );
    const first = (Array.isArray(result['setVariableResult']) ? result['setVariableResult'][0] : undefined) as JsonObject | undefined;
    ctx.check('The write is not accepted', first !== undefined && first['attributeStatus'] !== 'Accepted', {
      expected: 'attributeStatus Rejected (a read-only variable)',
      actual: first === undefined ? 'no result' : `attributeStatus ${String(first['attributeStatus'])}`,
    });
  },
});
