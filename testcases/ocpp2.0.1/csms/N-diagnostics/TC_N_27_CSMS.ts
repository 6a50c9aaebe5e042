/**
 * OCPP 2.0.1 Part 6 §3.15 (N Diagnostics), TC_N_27_CSMS — Get Customer Information, Accepted +
 * data: asked to, the CSMS sends CustomerInformation with report true for the configured valid
 * idToken (Part 2 N09.FR.01/04); the simulated station accepts and reports the customer's data,
 * which the CSMS acknowledges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectCustomerInformation, notifyCustomerInformation } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_27_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'N',
  title: 'Get Customer Information - Accepted + data',
  useCases: ['N09'],
  requirements: ['N09.FR.01', 'N09.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'CustomerInformationRequest report true, idToken the configured valid idToken and type' }],
  detects: ['customer-information-flags-swapped', 'customer-information-token-type-central', 'ignores-trigger'],
  async run(ctx) {
    const request = await ctx.step('Steps 1-2: the CSMS sends CustomerInformation (report, valid idToken); the station accepts', () => expectCustomerInformation(ctx, { report: true, clear: false, customer: 'idToken' }, 'Accepted'));
    await ctx.step('Steps 3-4: the station reports the customer data; the CSMS answers', () => notifyCustomerInformation(ctx, request, `Authorization Cache: idToken ${ctx.config.idTokens.valid.idToken} status Accepted`));
  },
});
