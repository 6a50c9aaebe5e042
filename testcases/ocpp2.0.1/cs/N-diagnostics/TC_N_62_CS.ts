/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_62_CS — Clear Customer Information, Clear and
 * report - customerIdentifier: with the configured customerIdentifier stored at the station by hand
 * (extra.customerIdentifier), a CustomerInformationRequest (report, clear) for it is Accepted and
 * reported with data; a second one (report only) is Accepted and reports empty data: nothing of that
 * customer is left (Part 2 N10.FR.01/03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkDataEmpty, checkDataNotEmpty, checkLastNotContinued, collectNotifies, customerIdentifierOf, customerInformation, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_62_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Customer Information - Clear and report - customerIdentifier',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-14' },
  validations: [
    { step: 2, checks: 'CustomerInformationResponse (report, clear, customerIdentifier) status Accepted' },
    { step: 3, checks: 'NotifyCustomerInformation for our requestId with data not empty' },
    { step: 6, checks: 'CustomerInformationResponse (report, customerIdentifier) status Accepted' },
    { step: 7, checks: 'NotifyCustomerInformation for the second request with empty data' },
    { step: 'post', checks: 'all report parts of both requests received' },
  ],
  detects: ['customer-info-no-notify', 'customer-info-empty-report', 'customer-info-clear-keeps-data'],
  async run(ctx) {
    await ready(ctx);
    const customerIdentifier = customerIdentifierOf(ctx);
    await ctx.step('Memory state: the tester stores the customerIdentifier at the station', () => ctx.dut('storeCustomerIdentifier', { customerIdentifier }));
    const first = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation report and clear for the customerIdentifier is Accepted', () => customerInformation(ctx, { requestId: first, report: true, clear: true, customerIdentifier }, 'Accepted', 2));
    await ctx.step('Steps 3-4: NotifyCustomerInformation with the customer data', async () => {
      const ns = await collectNotifies(ctx, first, 3);
      checkDataNotEmpty(ctx, ns, 3);
      checkLastNotContinued(ctx, ns);
    });
    const second = newRequestId();
    await ctx.step('Steps 5-6: CustomerInformation report for the customerIdentifier is Accepted', () => customerInformation(ctx, { requestId: second, report: true, clear: false, customerIdentifier }, 'Accepted', 6));
    await ctx.step('Steps 7-8: NotifyCustomerInformation with empty data', async () => {
      const ns = await collectNotifies(ctx, second, 7);
      checkDataEmpty(ctx, ns, 7);
      checkLastNotContinued(ctx, ns);
    });
  },
});
