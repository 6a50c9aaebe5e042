/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_07_CS — Secure Firmware Update,
 * DownloadFailed. The location is the configured one + "_does_not_exist": the station accepts,
 * may report Downloading first (optional in Part 6), and reports DownloadFailed (Part 2 L01.FR.10).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus, firmwareLocation, hoursFromNow, nextFirmwareStatus, stepTimeoutMs, updateFirmware } from './firmware.js';

export default defineTestCase({
  id: 'TC_L_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - DownloadFailed',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.20'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading (an optional step)' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status DownloadFailed' },
  ],
  detects: ['firmware-download-failure-silent'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = typeof ctx.config.extra['firmwareSigningCertificate'] === 'string' ? ctx.config.extra['firmwareSigningCertificate'] : undefined;
    const signature = typeof ctx.config.extra['firmwareSignature'] === 'string' ? ctx.config.extra['firmwareSignature'] : undefined;
    const location = await firmwareLocation(ctx, '_does_not_exist');
    await ctx.step('Steps 1-2: UpdateFirmware with a location that does not exist', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), ...(signingCertificate ? { signingCertificate } : {}), ...(signature ? { signature } : {}) }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-6: (Downloading, optional) then DownloadFailed', async () => {
      let call = await nextFirmwareStatus(ctx, stepTimeoutMs(ctx), 3);
      if (call.payload['status'] === 'Downloading') {
        checkStatus(ctx, call, 'Downloading', 3);
        call = await nextFirmwareStatus(ctx, stepTimeoutMs(ctx), 5);
      } else {
        ctx.check('Step 3 (Downloading) is optional: the station reported the failure at once', true, { expected: 'Downloading, or none', actual: `status ${String(call.payload['status'])} first`, step: 3 });
      }
      checkStatus(ctx, call, 'DownloadFailed', 5);
    });
  },
});
