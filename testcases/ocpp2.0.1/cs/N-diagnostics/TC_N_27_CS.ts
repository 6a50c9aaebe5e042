/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_27_CS — Get Customer Information, Accepted + data:
 * with the configured valid idToken in the Local Authorization List and the Authorization Cache (as
 * far as the station has them), a CustomerInformationRequest (report, idToken) is Accepted and the
 * station reports that customer's data in NotifyCustomerInformation, all parts until tbc is not true
 * (Part 2 N09.FR.02/05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { checkDataNotEmpty, checkLastNotContinued, collectNotifies, customerDataStored, customerInformation, idTokenCustomer, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_27_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Customer Information - Accepted + data',
  useCases: ['N09'],
  requirements: ['N09.FR.02', 'N09.FR.05'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: idTokenCustomer,
  validations: [
    { step: 2, checks: 'CustomerInformationResponse status Accepted' },
    { step: 3, checks: 'NotifyCustomerInformation for our requestId with data not empty (all parts while tbc)' },
    { step: 'post', checks: 'all report parts received: the last one has tbc not true' },
  ],
  detects: ['customer-info-no-notify', 'customer-info-empty-report'],
  async run(ctx) {
    await ready(ctx);
    await customerDataStored(ctx);
    const requestId = newRequestId();
    await ctx.step('Steps 1-2: CustomerInformation report true for the valid idToken is Accepted', () =>
      customerInformation(ctx, { requestId, report: true, clear: false, idToken: idTokenOf(ctx, 'valid') }, 'Accepted', 2),
    );
    await ctx.step('Steps 3-4: NotifyCustomerInformation with the customer data', async () => {
      const ns = await collectNotifies(ctx, requestId, 3);
      checkDataNotEmpty(ctx, ns, 3);
      // Post scenario: collectNotifies returns once the last part (tbc not true) came.
      checkLastNotContinued(ctx, ns);
    });
  },
});
