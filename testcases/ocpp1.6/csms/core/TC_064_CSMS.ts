/**
 * TC_064_CSMS Data Transfer to a Central System (OCTT 1.6 document §3.20.1, Table 178; OCPP 1.6
 * §4.3 DataTransfer, §7.23 DataTransferStatus).
 *
 * Prerequisite: the Central System does not support DataTransfer for a certain vendorId
 * (`extra.unsupportedVendorId`, default "com.example.unsupported"). The Charge Point sends a
 * DataTransfer.req with it: the DataTransfer.conf status must be Rejected, UnknownMessageId or
 * UnknownVendorId (step 2); Accepted is allowed, with a warning.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { generalPreconditions, request } from '../_shared/charge-point.js';

const refusals = ['Rejected', 'UnknownMessageId', 'UnknownVendorId'];

export default defineTestCase({
  id: 'TC_064_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'DataTransfer',
  title: 'Data Transfer to a Central System',
  requirements: ['OCPP 1.6 §4.3', 'OCPP 1.6 §7.23'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'DataTransfer.conf status Rejected, UnknownMessageId or UnknownVendorId (Accepted: a warning)' }],
  detects: ['data-transfer-callerror'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const given = ctx.config.extra['unsupportedVendorId'];
    const vendorId = typeof given === 'string' && given !== '' ? given : 'com.example.unsupported';
    await ctx.step(`Steps 1-2: DataTransfer.req vendorId ${vendorId} → refused`, async () => {
      const answer = await request(ctx, 'DataTransfer', { vendorId, messageId: 'TestMessage', data: 'ocpp-conform' }, { step: 2 });
      const status = answer.payload.status;
      const refused = typeof status === 'string' && refusals.includes(status);
      ctx.check('DataTransfer.conf status refuses the unsupported vendorId', refused || status === 'Accepted', { expected: `${refusals.join(' or ')} (Accepted allowed, warned)`, actual: status ?? 'absent', frames: answer.frames, step: 2 });
      ctx.check('DataTransfer.conf status is not Accepted for an unsupported vendorId', refused, { expected: refusals.join(' or '), actual: status ?? 'absent', frames: answer.frames, severity: 'warning', step: 2 });
    });
  },
});
