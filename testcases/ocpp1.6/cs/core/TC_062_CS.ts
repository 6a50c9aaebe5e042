/**
 * OCPP 1.6 TC_062_CS — Data Transfer to a Charge Point (OCTT 1.6 document §2.23.1): a
 * DataTransfer.req with a vendorId the charge point has no extension for is answered with a
 * DataTransfer.conf Rejected, UnknownMessageId or UnknownVendorId (1.6 §5.6, §7.20); Accepted is
 * allowed but the document says to warn the vendor about it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrames } from './_states-extra.js';

const refusals = ['Rejected', 'UnknownMessageId', 'UnknownVendorId'];

export default defineTestCase({
  id: 'TC_062_CS',
  version: '1.6',
  sut: 'cs',
  block: 'DataTransfer',
  title: 'Data Transfer to a Charge Point',
  useCases: ['Data Transfer'],
  requirements: ['OCPP 1.6 §5.6', 'OCPP 1.6 §7.20'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'DataTransfer.conf status Rejected, UnknownMessageId or UnknownVendorId (Accepted: a warning)' }],
  detects: ['data-transfer-call-error'],
  async run(ctx) {
    // "a specific vendorId": the configured one, for which the charge point has no extension (prerequisite).
    const vendorId = ctx.config.vendorId;
    await ctx.step(`Steps 1-2: DataTransfer.req vendorId ${vendorId}: not accepted`, async () => {
      const res = await ctx.call('DataTransfer', { vendorId, messageId: 'TestMessage' });
      const status = res.status === 'result' ? String(res.payload['status']) : undefined;
      const actual = res.status === 'result' ? `status ${status}` : res.status === 'error' ? `CALLERROR ${res.errorCode}` : res.status;
      ctx.check('DataTransfer.conf status', status !== undefined && (refusals.includes(status) || status === 'Accepted'), { expected: `DataTransfer.conf status ${refusals.join(', ')} (or Accepted)`, actual, frames: callFrames(ctx, res.messageId), step: 2 });
      if (status === 'Accepted') ctx.check('the vendor-specific message is not accepted', false, { expected: refusals.join(' or '), actual, severity: 'warning', frames: callFrames(ctx, res.messageId), step: 2 });
    });
  },
});
