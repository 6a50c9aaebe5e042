/**
 * Robustness catalogue (beyond the official one), IB-28: The write-only BasicAuthPassword cannot be read back.
 * Enforces OCPP 2.0.1 Part 2 Appendices, SecurityCtrlr.BasicAuthPassword (write-only, so a CSMS reading all variables never stores it in plaintext).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB28_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-28',
  title: "The write-only BasicAuthPassword cannot be read back",
  certification: [],
  robustness: { ib: 'IB-28', clause: "OCPP 2.0.1 Part 2 Appendices, SecurityCtrlr.BasicAuthPassword (write-only, so a CSMS reading all variables never stores it in plaintext)", severity: 'critical', notCovered: "the encoding rules (a 40-hex 1.6 AuthorizationKey decoded to bytes, binary keys, username = identity) and the 401 on a wrong or missing Authorization header need a run at security profile 1 or 2; the demo runs profile 0" },
  detects: ['reveals-basic-auth-password'],
  async run(ctx) {
    await ctx.peer();
    const result = await ctx.step('Ask for SecurityCtrlr.BasicAuthPassword', () =>
      ctx.callExpect('GetVariables', { getVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }),
    );
    const first = (Array.isArray(result['getVariableResult']) ? result['getVariableResult'][0] : undefined) as JsonObject | undefined;
    const revealed = first?.['attributeStatus'] === 'Accepted' && first['attributeValue'] !== undefined;
    ctx.check('No value is returned for a write-only variable', !revealed, {
      expected: 'attributeStatus Rejected / UnknownVariable, no attributeValue',
      actual: first === undefined ? 'no result' : `attributeStatus ${String(first['attributeStatus'])}${first['attributeValue'] === undefined ? '' : ' with a value (not shown)'}`,
    });
  },
});
