/**
 * TC_004_1_CSMS Regular Charging Session - Identification First (OCTT 1.6 document §3.2.2,
 * Table 119; OCPP 1.6 §4.1 Authorize, §4.8 StartTransaction).
 *
 * The scenario is the reusable state Charging (§3.22 Table 194, which starts with Authorized): the
 * driver presents the configured valid idTag first (Authorize Accepted), then plugs in, the
 * transaction starts (idTagInfo Accepted) and energy flows. The document validates nothing beyond
 * the state's own validations.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { generalPreconditions } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_004_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First',
  requirements: ['OCPP 1.6 §4.1', 'OCPP 1.6 §4.9', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [],
  detects: ['rejects-valid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Scenario: the reusable state Charging (Authorized, Preparing, StartTransaction, Charging)', async () => {
      await ctx.state('Charging');
    });
  },
});
