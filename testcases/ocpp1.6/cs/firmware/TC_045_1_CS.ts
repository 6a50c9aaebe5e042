/**
 * OCPP 1.6 TC_045_1_CS — Get Diagnostics. OCTT 1.6 document §2.19.1; OCPP 1.6 §4.4, §5.9, §8.2:
 * GetDiagnostics to the configured log location; the charge point reports Uploading, then Uploaded.
 * Without a configured location the harness's own FTP server (a directory location, the charge point
 * names the file) receives the upload, and "Uploaded" must mean a file arrived there (expected
 * result: the log is uploaded to the location of step 1), named as GetDiagnostics.conf said when it
 * gave a fileName.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { TransferService } from '../../../../src/engine/authoring.js';
import { checkAnswered, configuredDiagnosticsLocation, expectStatus, request } from './firmware.js';

export default defineTestCase({
  id: 'TC_045_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Diagnostics',
  title: 'Get Diagnostics',
  useCases: ['Get Diagnostics'],
  requirements: ['OCPP 1.6 §5.9', 'OCPP 1.6 §4.4', 'OCPP 1.6 §8.2'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'DiagnosticsStatusNotification.req status Uploading' },
    { step: 5, checks: 'DiagnosticsStatusNotification.req status Uploaded, and (harness location) the diagnostics file arrived, under the fileName of the conf when given' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_045_1_CS step 1 validates an own message of the Central System (GetDiagnostics.req with the configured log location); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['diagnostics-uploaded-without-upload'],
  async run(ctx) {
    let location = configuredDiagnosticsLocation(ctx);
    let transfer: TransferService | undefined;
    if (location === undefined) {
      transfer = await ctx.transfer();
      location = transfer.uploadUrl('diagnostics', { protocol: 'ftp' });
    }
    const since = ctx.clock.monoMs();
    const fileName = await ctx.step('1-2. GetDiagnostics.req (the log location): GetDiagnostics.conf', async () => {
      const answer = await request(ctx, 'GetDiagnostics', { location });
      checkAnswered(ctx, 'GetDiagnostics', answer);
      const name = answer.payload?.['fileName'];
      return typeof name === 'string' && name !== '' ? name : undefined;
    });
    await ctx.step('3-4. DiagnosticsStatusNotification.req Uploading', () => expectStatus(ctx, 'DiagnosticsStatusNotification', 'Uploading', 3));
    const uploaded = await ctx.step('5-6. DiagnosticsStatusNotification.req Uploaded', () => expectStatus(ctx, 'DiagnosticsStatusNotification', 'Uploaded', 5));
    if (!transfer) return;
    await ctx.step('The diagnostics file arrived at the location of step 1', async () => {
      const file = await transfer.waitForUpload({ withinMs: ctx.config.messageTimeoutMs, since, ...(fileName === undefined ? {} : { name: fileName }), signal: ctx.signal });
      const any = transfer.received({ since });
      ctx.check(`a diagnostics file${fileName === undefined ? '' : ` named ${fileName}`} was uploaded`, file !== undefined, { expected: fileName ?? 'an upload', actual: any.length === 0 ? 'nothing arrived' : any.map((f) => f.name).join(', '), frames: uploaded.frameSeq === undefined ? [] : [uploaded.frameSeq], step: 5 });
    });
  },
});
