/**
 * OCPP 1.6 TC_045_2_CSMS — Get Diagnostics - Upload Failed. OCTT 1.6 document §3.16.2; OCPP 1.6
 * §5.9, §4.4, §7.24: the operator makes the Central System send GetDiagnostics; the harness (as
 * Charge Point) reports Uploading, then UploadFailed (the document scripts the failure); the
 * Central System answers both and the harness carries on (a Heartbeat is answered).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { request } from '../_shared/charge-point.js';
import { diagnosticsUrl, expectRequest, report } from './exchange.js';

export default defineTestCase({
  id: 'TC_045_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Diagnostics',
  title: 'Get Diagnostics - Upload Failed',
  useCases: ['Get Diagnostics'],
  requirements: ['OCPP 1.6 §5.9', 'OCPP 1.6 §4.4', 'OCPP 1.6 §7.24'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'the harness sends DiagnosticsStatusNotification.req Uploading; the Central System answers it' },
    { step: 5, checks: 'the harness sends DiagnosticsStatusNotification.req UploadFailed; the Central System answers it' },
  ],
  detects: ['diagnostics-status-notification-error'],
  async run(ctx) {
    const url = await diagnosticsUrl(ctx);
    await ctx.step('1-2. The Central System sends GetDiagnostics.req; the harness answers GetDiagnostics.conf', () => expectRequest(ctx, 'GetDiagnostics', { location: url, retries: 0 }, { fileName: `diagnostics-${ctx.config.stationId}.log` }));
    await ctx.step('3-4. DiagnosticsStatusNotification.req Uploading', () => report(ctx, 'DiagnosticsStatusNotification', 'Uploading', 3));
    await ctx.step('5-6. DiagnosticsStatusNotification.req UploadFailed', () => report(ctx, 'DiagnosticsStatusNotification', 'UploadFailed', 5));
    await ctx.step('Expected result: normal operation continues (Heartbeat.req answered)', async () => {
      await request(ctx, 'Heartbeat', {});
    });
  },
});
