/**
 * OCPP 2.0.1 Part 6 §2.15 (N Diagnostics), TC_N_29_CS — Get Customer Information, Not Accepted:
 * a CustomerInformationRequest (report true) the station cannot process is answered Invalid (Part 2
 * N09.FR.03). Part 6 leaves the request's fields open; the request we send names no customer (no
 * idToken, customerIdentifier or customerCertificate), the case Part 2 CustomerInformationStatusEnumType
 * calls Invalid, so every station is put in the prerequisite's state the same way.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { customerInformation, newRequestId } from './customer-information.js';

export default defineTestCase({
  id: 'TC_N_29_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Customer Information - Not Accepted',
  useCases: ['N09'],
  requirements: ['N09.FR.03'],
  certification: [],
  validations: [{ step: 2, checks: 'CustomerInformationResponse status Invalid for a request naming no customer' }],
  detects: ['customer-info-accepts-no-customer'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: CustomerInformation naming no customer is answered Invalid', () => customerInformation(ctx, { requestId: newRequestId(), report: true, clear: false }, 'Invalid', 2));
  },
});
