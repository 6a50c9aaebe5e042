/**
 * OCPP 2.0.1 Part 6 §2.17 (P DataTransfer), TC_P_01_CS — Data Transfer to the Charging Station:
 * a DataTransferRequest for the OCTT's vendorId (which the station has no extension for, the
 * prerequisite) and the configured messageId is refused with UnknownVendorId, UnknownMessageId or
 * Rejected (Part 2 P01.FR.05/06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { framesOfCall, outcomeText } from './custom-data.js';

const refusals = ['UnknownVendorId', 'UnknownMessageId', 'Rejected'];

export default defineTestCase({
  id: 'TC_P_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'P',
  title: 'Data Transfer to the Charging Station - Rejected / Unknown VendorId / Unknown MessageId',
  useCases: ['P01'],
  requirements: ['P01.FR.05', 'P01.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'DataTransferResponse status UnknownVendorId, UnknownMessageId or Rejected' }],
  detects: ['data-transfer-accepts-unknown'],
  async run(ctx) {
    await ready(ctx);
    // Part 6: vendorId org.openchargealliance.octt, messageId <Configured messageId> (extra.dataTransferMessageId).
    const given = ctx.config.extra['dataTransferMessageId'];
    const messageId = typeof given === 'string' && given !== '' ? given : 'TestMessage';
    await ctx.step('Steps 1-2: DataTransfer for an unsupported vendorId is refused', async () => {
      const res = await ctx.call('DataTransfer', { vendorId: 'org.openchargealliance.octt', messageId });
      const status = res.status === 'result' ? res.payload['status'] : undefined;
      ctx.check('DataTransferResponse status', typeof status === 'string' && refusals.includes(status), {
        expected: refusals.join(' or '),
        actual: outcomeText(res),
        frames: framesOfCall(ctx, res.messageId),
        step: 2,
      });
    });
  },
});
