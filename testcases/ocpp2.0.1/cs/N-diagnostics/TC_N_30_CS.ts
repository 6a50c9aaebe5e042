/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_30_CS — Clear Customer Information, Clear and
 * report + data: with the valid idToken in the Local Authorization List and the cache, a
 * CustomerInformationRequest (report and clear) is Accepted and reported with data; a second
 * request (report) is then, when Accepted, reported in parts ending with tbc not true (Part 2
 * N10.FR.01/03). The local list is the CSMS's to change, so the second report may still hold it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkDataNotEmpty, checkLastNotContinued, collectNotifies, customerDataStored, customerInformation, idTokenCustomer, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_30_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Customer Information - Clear and report + data',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: idTokenCustomer,
  validations: [
    { step: 2, checks: 'CustomerInformationResponse (report, clear) status Accepted' },
    { step: 3, checks: 'NotifyCustomerInformation for our requestId with data not empty (all parts while tbc)' },
    { step: 8, checks: 'after the second request, when Accepted: the last NotifyCustomerInformation has tbc not true' },
    { step: 'post', checks: 'all report parts of both requests received' },
  ],
  detects: ['customer-info-no-notify', 'customer-info-empty-report'],
  async run(ctx) {
    await ready(ctx);
    await customerDataStored(ctx);
    const idToken = idTokenOf(ctx, 'valid');
    const first = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation report and clear for the valid idToken is Accepted', () => customerInformation(ctx, { requestId: first, report: true, clear: true, idToken }, 'Accepted', 2));
    await ctx.step('Steps 3-4: NotifyCustomerInformation with the customer data', async () => {
      const ns = await collectNotifies(ctx, first, 3);
      checkDataNotEmpty(ctx, ns, 3);
      checkLastNotContinued(ctx, ns);
    });
    const second = newRequestId();
    // Step 6 carries no validation: steps 7-8 are "only expected when status is Accepted at Step 6".
    const res = await ctx.step('Steps 5-6: CustomerInformation report true for the valid idToken', () => ctx.call('CustomerInformation', { requestId: second, report: true, clear: false, idToken }));
    if (res.status !== 'result' || res.payload['status'] !== 'Accepted') return;
    await ctx.step('Steps 7-8: NotifyCustomerInformation until tbc is not true', async () => {
      const ns = await collectNotifies(ctx, second, 8);
      checkLastNotContinued(ctx, ns, 8);
    });
  },
});
