/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_28_CS — Get Customer Information, Accepted + no
 * data: after a clear (Memory State: the CSMS has the station clear that idToken's customer
 * information), a CustomerInformationRequest (report, the configured valid idToken) is Accepted and
 * the station sends a NotifyCustomerInformation, the last part with tbc not true (Part 2
 * N09.FR.02/06). What the text of a "no data found" message says is not prescribed (the schema:
 * "No format specified"), so the post scenario judges that the message came.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkLastNotContinued, collectNotifies, customerInformation, idTokenCustomer, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_28_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Customer Information - Accepted + no data',
  useCases: ['N09'],
  requirements: ['N09.FR.02', 'N09.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: idTokenCustomer,
  validations: [
    { step: 2, checks: 'CustomerInformationResponse status Accepted' },
    { step: 3, checks: 'NotifyCustomerInformation for our requestId, tbc not true' },
    { step: 'post', checks: 'a NotifyCustomerInformation (saying no data is found) arrived for the request' },
  ],
  detects: ['customer-info-no-notify'],
  async run(ctx) {
    await ready(ctx);
    const idToken = idTokenOf(ctx, 'valid');
    await ctx.step('Before: the CSMS has the station clear the customer information of the valid idToken (no verdict)', async () => {
      const requestId = newRequestId();
      const res = await ctx.call('CustomerInformation', { requestId, report: false, clear: true, idToken });
      // The clear's own notification (if any) is not judged here.
      if (res.status === 'result' && res.payload['status'] === 'Accepted') await ctx.maybeCall('NotifyCustomerInformation', { match: { requestId } });
    });
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation report true for the valid idToken is Accepted', () => customerInformation(ctx, { requestId, report: true, clear: false, idToken }, 'Accepted', 2));
    await ctx.step('Steps 3-4: NotifyCustomerInformation, tbc not true', async () => {
      const ns = await collectNotifies(ctx, requestId, 3);
      checkLastNotContinued(ctx, ns, 3);
    });
  },
});
