/**
 * OCPP 2.0.1 Part 6 §3.15 (N Diagnostics), TC_N_63_CSMS — Clear Customer Information - Clear and
 * report - customerCertificate: asked to, the CSMS sends CustomerInformation with report and clear
 * true naming the customer certificate by its hash data (extra.customerCertificateHashData; Part 2
 * N10.FR.08); the simulated station accepts and reports the data it clears.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectCustomerInformation, notifyCustomerInformation } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_63_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'N',
  title: 'Clear Customer Information - Clear and report - customerCertificate',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  certification: [{ profile: 'ISO 15118 Support', need: 'C' }],
  applies: { item: 'ISO-4' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'CustomerInformationRequest report true, clear true, customerCertificate the configured certificate hash data' }],
  detects: ['customer-information-drops-clear', 'ignores-trigger'],
  async run(ctx) {
    const request = await ctx.step('Steps 1-2: the CSMS sends CustomerInformation; the station answers Accepted', () => expectCustomerInformation(ctx, { report: true, clear: true, customer: 'customerCertificate' }, 'Accepted'));
    await ctx.step('Steps 3-4: the station sends NotifyCustomerInformation; the CSMS answers', () => notifyCustomerInformation(ctx, request, 'Contract certificate of the customer'));
  },
});
