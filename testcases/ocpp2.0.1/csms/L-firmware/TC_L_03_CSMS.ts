/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_03_CSMS — Secure Firmware Update,
 * DownloadScheduled: asked to schedule the download (the configured download offset ahead), the
 * CSMS sends UpdateFirmware with that future retrieveDateTime (Part 2 L01.FR.01/11/15); the station
 * reports DownloadScheduled, downloads once the time is reached, verifies, installs, reboots (the
 * CSMS must accept its boot) and reports Installed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, firmwareStatus, offsetMs, rebootInstalled, waitUntil } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - DownloadScheduled',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-15, scheduled firmware updates.
  applies: { item: 'C-15' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'UpdateFirmwareRequest firmware.retrieveDateTime is a dateTime in the future' },
    { step: 16, checks: 'BootNotificationResponse (reason FirmwareUpdate) status Accepted' },
  ],
  detects: ['update-firmware-retrieves-now', 'ignores-trigger'],
  async run(ctx) {
    const seen = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware (download scheduled); the station accepts', () => expectUpdateFirmware(ctx, { retrieveInMs: offsetMs(ctx, 'download') }, 'Accepted'));
    const { requestId } = seen;
    await ctx.step('Steps 3-4: DownloadScheduled', () => firmwareStatus(ctx, 'DownloadScheduled', requestId));
    await ctx.step('Steps 5-6: Downloading, once the retrieveDateTime is reached', async () => {
      await waitUntil(ctx, seen.retrieveAtMs);
      await firmwareStatus(ctx, 'Downloading', requestId);
    });
    await ctx.step('Steps 7-8: Downloaded', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 9-10: SignatureVerified', () => firmwareStatus(ctx, 'SignatureVerified', requestId));
    await ctx.step('Steps 11-12: Installing', () => firmwareStatus(ctx, 'Installing', requestId));
    await rebootInstalled(ctx, requestId, { step: 16 });
  },
});
