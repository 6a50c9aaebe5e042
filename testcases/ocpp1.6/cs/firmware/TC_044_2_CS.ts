/**
 * OCPP 1.6 TC_044_2_CS — Firmware Update - Download Failed. OCTT 1.6 document §2.18.2; OCPP 1.6 §4.5,
 * §5.19: UpdateFirmware (retries 0) of a location whose download fails — as in the document an FTP
 * location of the harness's own server that answers 550 for download_fail.fwi. The charge point may
 * report Downloading first (optional: the download may fail at once), then DownloadFailed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { afterOptional, checkAnswered, checkStatus, nowIso, request } from './firmware.js';

export default defineTestCase({
  id: 'TC_044_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Download Failed',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5', 'OCPP 1.6 §7.25'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'FirmwareStatusNotification.req status Downloading, when sent (optional: the download may fail at once)' },
    { step: 5, checks: 'FirmwareStatusNotification.req status DownloadFailed' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_044_2_CS step 1 validates an own message of the Central System (UpdateFirmware.req, location ftp://…/download_fail.fwi, retries 0); the harness plays the Central System and sends exactly that (its own FTP server on a loopback port instead of port 21): there is nothing of the charge point to judge in it' },
  ],
  detects: ['firmware-download-failure-silent'],
  async run(ctx) {
    const transfer = await ctx.transfer();
    const location = transfer.serve('download_fail.fwi', '', { protocol: 'ftp', failWith: 404 });
    await ctx.step('1-2. UpdateFirmware.req (a location whose download fails, retries 0): UpdateFirmware.conf', async () => {
      checkAnswered(ctx, 'UpdateFirmware', await request(ctx, 'UpdateFirmware', { location, retrieveDate: nowIso(ctx), retries: 0 }));
    });
    const last = await ctx.step('3-4. FirmwareStatusNotification.req Downloading (optional)', () => afterOptional(ctx, 'FirmwareStatusNotification', 'Downloading', { optional: 3, final: 5 }));
    await ctx.step('5-6. FirmwareStatusNotification.req DownloadFailed', async () => {
      checkStatus(ctx, last, 'DownloadFailed', 5);
    });
  },
});
