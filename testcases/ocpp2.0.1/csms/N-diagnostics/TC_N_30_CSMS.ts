/**
 * OCPP 2.0.1 Part 6 §3.15 (N Diagnostics), TC_N_30_CSMS — Clear Customer Information - Clear and report + data: asked to, the CSMS sends CustomerInformation with report and clear true for the configured
 * valid idToken (Part 2 N10.FR.08); the simulated station accepts and reports the data it clears.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectCustomerInformation, notifyCustomerInformation } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_30_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'N',
  title: 'Clear Customer Information - Clear and report + data',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'CustomerInformationRequest report true, clear true, idToken the configured valid idToken and type' }],
  detects: ['customer-information-drops-clear', 'customer-information-token-type-central'],
  async run(ctx) {
    const request = await ctx.step('Steps 1-2: the CSMS sends CustomerInformation; the station answers Accepted', () => expectCustomerInformation(ctx, { report: true, clear: true, customer: 'idToken' }, 'Accepted'));
    await ctx.step('Steps 3-4: the station sends NotifyCustomerInformation; the CSMS answers', () => notifyCustomerInformation(ctx, request, `Authorization Cache: idToken ${ctx.config.idTokens.valid.idToken} status Accepted`));
  },
});
