/**
 * OCPP 2.0.1 Part 6 §3.15 (N Diagnostics), TC_N_29_CSMS — Get Customer Information - Not Accepted: asked to, the CSMS sends CustomerInformation with report true for the configured valid
 * idToken (Part 2 N09.FR.01/04); the simulated station rejects it, which ends the exchange.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectCustomerInformation } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_29_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'N',
  title: 'Get Customer Information - Not Accepted',
  useCases: ['N09'],
  requirements: ['N09.FR.01', 'N09.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'CustomerInformationRequest report true, idToken the configured valid idToken and type' }],
  detects: ['customer-information-flags-swapped', 'customer-information-token-type-central'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends CustomerInformation; the station answers Rejected', () => expectCustomerInformation(ctx, { report: true, clear: false, customer: 'idToken' }, 'Rejected'));
  },
});
