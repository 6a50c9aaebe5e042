/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_31_CS — Clear Customer Information, Clear and
 * report + no data: the station holding no customer information of the valid idToken (the
 * prerequisite, made so by a clear first, not an official step), a CustomerInformationRequest
 * (report and clear) is Accepted and a NotifyCustomerInformation follows (Part 2 N10.FR.01/04). Its
 * text is free ("No format specified"), so the post scenario judges that the message came.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkLastNotContinued, collectNotifies, customerInformation, idTokenCustomer, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_31_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Customer Information - Clear and report + no data',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: idTokenCustomer,
  validations: [
    { step: 2, checks: 'CustomerInformationResponse (report, clear) status Accepted' },
    { step: 'post', checks: 'a NotifyCustomerInformation (saying no data is found) arrived for the request, the last part with tbc not true' },
  ],
  detects: ['customer-info-no-notify'],
  async run(ctx) {
    await ready(ctx);
    const idToken = idTokenOf(ctx, 'valid');
    await ctx.step('Prerequisite: no customer information of the valid idToken (a clear, no verdict)', async () => {
      const requestId = newRequestId();
      const res = await ctx.call('CustomerInformation', { requestId, report: false, clear: true, idToken });
      if (res.status === 'result' && res.payload['status'] === 'Accepted') await ctx.maybeCall('NotifyCustomerInformation', { match: { requestId } });
    });
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation report and clear for the valid idToken is Accepted', () => customerInformation(ctx, { requestId, report: true, clear: true, idToken }, 'Accepted', 2));
    await ctx.step('Steps 3-4 and post scenario: a NotifyCustomerInformation for the request', async () => {
      const ns = await collectNotifies(ctx, requestId);
      checkLastNotContinued(ctx, ns);
    });
  },
});
