/**
 * OCPP 1.6 TC_045_1_CSMS — Get Diagnostics. OCTT 1.6 document §3.16.1; OCPP 1.6 §5.9, §4.4: the
 * operator makes the Central System send GetDiagnostics; the harness (as Charge Point) answers with
 * the file name, reports Uploading, uploads the log to the location of the request (http(s): a
 * PUT, which must succeed: expected result "uploaded to the location that was sent in step 1"),
 * reports Uploaded; the Central System answers both notifications.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { diagnosticsUrl, expectRequest, report, tryUpload } from './exchange.js';

export default defineTestCase({
  id: 'TC_045_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Diagnostics',
  title: 'Get Diagnostics',
  useCases: ['Get Diagnostics'],
  requirements: ['OCPP 1.6 §5.9', 'OCPP 1.6 §4.4'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'the harness sends DiagnosticsStatusNotification.req Uploading; the Central System answers it' },
    { step: 5, checks: 'the harness uploads the log to the location of GetDiagnostics.req (http(s) or ftp) and sends DiagnosticsStatusNotification.req Uploaded; the Central System answers it' },
  ],
  detects: ['diagnostics-status-notification-error'],
  async run(ctx) {
    const url = await diagnosticsUrl(ctx);
    const fileName = `diagnostics-${ctx.config.stationId}.log`;
    const call = await ctx.step('1-2. The Central System sends GetDiagnostics.req; the harness answers GetDiagnostics.conf with the fileName', () => expectRequest(ctx, 'GetDiagnostics', { location: url }, { fileName }));
    await ctx.step('3-4. DiagnosticsStatusNotification.req Uploading', () => report(ctx, 'DiagnosticsStatusNotification', 'Uploading', 3));
    const raw = call.payload['location'];
    const location = typeof raw === 'string' ? raw : url;
    await ctx.step('5-6. Upload the log, then DiagnosticsStatusNotification.req Uploaded', async () => {
      const uploaded = await tryUpload(location, fileName, `diagnostics of ${ctx.config.stationId}\n`);
      ctx.check('the diagnostics log could be uploaded to the location of GetDiagnostics.req', uploaded, { expected: 'the upload accepted (HTTP 2xx or FTP transfer complete)', actual: uploaded ? 'uploaded' : `uploading to ${location} failed`, frames: call.frames, step: 5 });
      await report(ctx, 'DiagnosticsStatusNotification', 'Uploaded', 5);
    });
  },
});
