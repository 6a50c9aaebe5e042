/**
 * OCPP 1.6 TC_045_2_CS — Get Diagnostics - Upload Failed. OCTT 1.6 document §2.19.2; OCPP 1.6 §4.4,
 * §5.9: GetDiagnostics (retries 0) to an FTP location of the harness's own server where no upload
 * can succeed (files/failedLocation, as in the document; the server refuses the anonymous login and
 * that name, so whatever file name the charge point picks the upload fails). The charge point reports
 * Uploading, then UploadFailed, and continues normal operation.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkAnswered, expectStatus, request } from './firmware.js';

export default defineTestCase({
  id: 'TC_045_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Diagnostics',
  title: 'Get Diagnostics - Upload Failed',
  useCases: ['Get Diagnostics'],
  requirements: ['OCPP 1.6 §5.9', 'OCPP 1.6 §4.4', 'OCPP 1.6 §7.24'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'DiagnosticsStatusNotification.req status Uploading' },
    { step: 5, checks: 'DiagnosticsStatusNotification.req status UploadFailed' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_045_2_CS step 1 validates an own message of the Central System (GetDiagnostics.req, retries 0, location ftp://…/files/failedLocation); the harness plays the Central System and sends exactly that (its own FTP server on a loopback port instead of port 21): there is nothing of the charge point to judge in it' },
  ],
  detects: ['diagnostics-upload-failure-reported-uploaded'],
  async run(ctx) {
    const transfer = await ctx.transfer();
    const location = `${transfer.uploadUrl('failedLocation', { protocol: 'ftp', credentials: false, refuseWith: 550 })}files/failedLocation`;
    await ctx.step('1-2. GetDiagnostics.req (a location where the upload fails, retries 0): GetDiagnostics.conf', async () => {
      checkAnswered(ctx, 'GetDiagnostics', await request(ctx, 'GetDiagnostics', { location, retries: 0 }));
    });
    await ctx.step('3-4. DiagnosticsStatusNotification.req Uploading', () => expectStatus(ctx, 'DiagnosticsStatusNotification', 'Uploading', 3));
    await ctx.step('5-6. DiagnosticsStatusNotification.req UploadFailed', () => expectStatus(ctx, 'DiagnosticsStatusNotification', 'UploadFailed', 5));
  },
});
