/**
 * OCPP 2.0.1 Part 6 §3.17 (P DataTransfer), TC_P_02_CSMS — Data Transfer to the CSMS: the
 * simulated station sends a DataTransferRequest with the configured vendorId and messageId (ones
 * the CSMS has no extension for); the CSMS answers UnknownVendorId, UnknownMessageId or Rejected
 * (Part 2 P02.FR.06/07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { extraString } from '../_shared/station.js';

const refusals = ['UnknownVendorId', 'UnknownMessageId', 'Rejected'];

export default defineTestCase({
  id: 'TC_P_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'P',
  title: 'Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId',
  useCases: ['P02'],
  requirements: ['P02.FR.06', 'P02.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 2, checks: 'DataTransferResponse status UnknownVendorId, UnknownMessageId or Rejected' }],
  detects: ['data-transfer-accepts-unknown'],
  async run(ctx) {
    // <Configured vendorId> / <Configured messageId>: extra.dataTransferVendorId (default the run's vendorId) and extra.dataTransferMessageId.
    const vendorId = extraString(ctx, 'dataTransferVendorId', ctx.config.vendorId);
    const messageId = extraString(ctx, 'dataTransferMessageId', 'TestMessage');
    await ctx.step(`Steps 1-2: DataTransfer vendorId ${vendorId} is refused`, async () => {
      const res = await ctx.call('DataTransfer', { vendorId, messageId });
      const status = res.status === 'result' ? res.payload['status'] : undefined;
      const frames = ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === res.messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
      const actual = res.status === 'result' ? `status ${String(status)}` : res.status === 'error' ? `CALLERROR ${res.errorCode}` : res.status;
      ctx.check('DataTransferResponse status', typeof status === 'string' && refusals.includes(status), { expected: refusals.join(' or '), actual, frames, step: 2 });
    });
  },
});
