/**
 * What the customer-information cases with the CSMS as SUT share (Part 6 TC_N_27..32/62_CSMS, Part 2
 * N09/N10): make the CSMS send CustomerInformation, judge its step-1 fields, answer with the
 * case's status, and (after Accepted) notify the customer data the way a station does.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, nowIso, obj } from '../_shared/station.js';

export interface CustomerRequest {
  report: boolean;
  clear: boolean;
  /** Which customer the request must name: the configured valid idToken, the customerIdentifier or the customer certificate. */
  customer: 'idToken' | 'customerIdentifier' | 'customerCertificate';
}

/** <Configured customerIdentifier> (extra.customerIdentifier); Part 6 TC_N_62_CSMS: "OpenChargeAlliance". */
export function customerIdentifierOf(ctx: TestContext): string {
  const v = ctx.config.extra['customerIdentifier'];
  return typeof v === 'string' && v !== '' ? v : 'OpenChargeAlliance';
}

/** <customer certificate hash data> (extra.customerCertificateHashData, a CertificateHashDataType). */
export function customerCertificateOf(ctx: TestContext): JsonObject {
  const v = obj(ctx.config.extra['customerCertificateHashData']);
  return v ?? { hashAlgorithm: 'SHA256', issuerNameHash: '2a7f2c3e8b9d1f40a6c5e7d8b9a0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8', issuerKeyHash: '9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b', serialNumber: '4d2a' };
}

const hashFields = ['hashAlgorithm', 'issuerNameHash', 'issuerKeyHash', 'serialNumber'] as const;

/** Steps 1-2: the CSMS sends CustomerInformation with the fields of step 1; the station answers `status`. */
export async function expectCustomerInformation(ctx: TestContext, want: CustomerRequest, status: 'Accepted' | 'Rejected'): Promise<ObservedCall> {
  const valid = ctx.config.idTokens.valid;
  const customerIdentifier = customerIdentifierOf(ctx);
  ctx.respond('CustomerInformation', () => ({ status }));
  const certificate = customerCertificateOf(ctx);
  const params = want.customer === 'idToken' ? { idToken: { idToken: valid.idToken, type: valid.type } } : want.customer === 'customerIdentifier' ? { customerIdentifier } : { customerCertificate: certificate };
  await ctx.dut('triggerCustomerInformation', { report: want.report, clear: want.clear, ...params });
  const call = await ctx.expectCall('CustomerInformation', { step: 1 });
  const frames = framesOf(call);
  const p = call.payload;
  ctx.check('CustomerInformationRequest report', p['report'] === want.report, { expected: want.report, actual: p['report'] ?? 'absent', frames, step: 1 });
  if (want.clear) ctx.check('CustomerInformationRequest clear', p['clear'] === true, { expected: true, actual: p['clear'] ?? 'absent', frames, step: 1 });
  if (want.customer === 'idToken') {
    const token = obj(p['idToken']);
    ctx.check('CustomerInformationRequest idToken.idToken', token?.['idToken'] === valid.idToken, { expected: valid.idToken, actual: token?.['idToken'] ?? 'absent', frames, step: 1 });
    ctx.check('CustomerInformationRequest idToken.type', token?.['type'] === valid.type, { expected: valid.type, actual: token?.['type'] ?? 'absent', frames, step: 1 });
  } else if (want.customer === 'customerCertificate') {
    const got = obj(p['customerCertificate']);
    // Hashes are hex: compared case-insensitively (Part 2 CertificateHashDataType).
    const text = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : '');
    const same = got !== undefined && hashFields.every((f) => text(got[f]) !== '' && text(got[f]) === text(certificate[f]));
    ctx.check('CustomerInformationRequest customerCertificate', same, { expected: certificate, actual: got ?? 'absent', frames, step: 1 });
  } else {
    ctx.check('CustomerInformationRequest customerIdentifier', p['customerIdentifier'] === customerIdentifier, { expected: customerIdentifier, actual: p['customerIdentifier'] ?? 'absent', frames, step: 1 });
  }
  return call;
}

/** Steps 3-4: NotifyCustomerInformation (one part) for the request; the CSMS answers it. */
export async function notifyCustomerInformation(ctx: TestContext, request: ObservedCall, data: string): Promise<void> {
  const requestId = typeof request.payload['requestId'] === 'number' ? request.payload['requestId'] : 0;
  const payload: JsonObject = { data, seqNo: 0, generatedAt: nowIso(ctx), requestId };
  const res = await ctx.call('NotifyCustomerInformation', payload);
  // Part 6 validates no field of step 4; a CALLERROR instead of the response is still a wrong answer.
  ctx.check('NotifyCustomerInformationResponse received', res.status === 'result', { expected: 'a NotifyCustomerInformationResponse', actual: res.status === 'result' ? 'received' : res.status });
}
