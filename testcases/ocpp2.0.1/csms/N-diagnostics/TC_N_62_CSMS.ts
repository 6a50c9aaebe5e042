/**
 * OCPP 2.0.1 Part 6 §3.15 (N Diagnostics), TC_N_62_CSMS — Clear Customer Information - Clear and report - customerIdentifier: asked to, the CSMS sends CustomerInformation with report and clear true for the configured
 * customerIdentifier (extra.customerIdentifier, Part 6: "OpenChargeAlliance"; Part 2 N10.FR.08); the
 * simulated station accepts and reports the data it clears.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { customerIdentifierOf, expectCustomerInformation, notifyCustomerInformation } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_62_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'N',
  title: 'Clear Customer Information - Clear and report - customerIdentifier',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-14' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'CustomerInformationRequest report true, clear true, customerIdentifier the configured one' }],
  detects: ['customer-information-drops-clear', 'ignores-trigger'],
  async run(ctx) {
    const request = await ctx.step('Steps 1-2: the CSMS sends CustomerInformation; the station answers Accepted', () => expectCustomerInformation(ctx, { report: true, clear: true, customer: 'customerIdentifier' }, 'Accepted'));
    await ctx.step('Steps 3-4: the station sends NotifyCustomerInformation; the CSMS answers', () => notifyCustomerInformation(ctx, request, `customerIdentifier ${customerIdentifierOf(ctx)}`));
  },
});
