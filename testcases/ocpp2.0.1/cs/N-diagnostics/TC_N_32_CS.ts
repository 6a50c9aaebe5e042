/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_32_CS — Clear Customer Information, Clear and no
 * report: a CustomerInformationRequest (report false, clear true, the valid idToken) is Accepted and
 * the station sends one NotifyCustomerInformation saying the data is cleared (Part 2 N10.FR.01/06).
 * Its wording is free, so the post scenario judges that the message came.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkLastNotContinued, collectNotifies, customerInformation, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_32_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Customer Information - Clear and no report',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'CustomerInformationResponse (clear, no report) status Accepted' },
    { step: 'post', checks: 'a NotifyCustomerInformation (saying the data is cleared) arrived for the request' },
  ],
  detects: ['customer-info-no-notify'],
  async run(ctx) {
    await ready(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation clear without report for the valid idToken is Accepted', () => customerInformation(ctx, { requestId, report: false, clear: true, idToken: idTokenOf(ctx, 'valid') }, 'Accepted', 2));
    await ctx.step('Steps 3-4 and post scenario: a NotifyCustomerInformation for the request', async () => {
      const ns = await collectNotifies(ctx, requestId);
      checkLastNotContinued(ctx, ns);
    });
  },
});
