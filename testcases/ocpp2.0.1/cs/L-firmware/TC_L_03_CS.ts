/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_03_CS — Secure Firmware Update,
 * DownloadScheduled. Retrieve <Configured Download Offset Period> from now, install two hours ago:
 * DownloadScheduled, then at retrieveDateTime Downloading, Downloaded, SignatureVerified and the
 * installation as installation.ts judges it (Part 2 L01.FR.13).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectStatus, firmwareLocation, hoursFromNow, offsetMs, required, updateFirmware } from './firmware.js';
import { expectInstallation, installationValidations } from './installation.js';

const tail = { unavailable: 11, installing: 14, available: 18, installed: 20, event: 22 };

export default defineTestCase({
  id: 'TC_L_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - DownloadScheduled',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.13', 'L01.FR.15', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status DownloadScheduled' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status Downloaded' },
    { step: 9, checks: 'FirmwareStatusNotificationRequest status SignatureVerified' },
    ...installationValidations(tail),
  ],
  detects: ['firmware-download-not-scheduled'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    const retrieveDateTime = new Date(ctx.clock.wallMs() + offsetMs(ctx, 'download')).toISOString();
    await ctx.step('Steps 1-2: UpdateFirmware, retrieve in the future, install two hours ago', () =>
      updateFirmware(ctx, { location, retrieveDateTime, installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-4: DownloadScheduled', () => expectStatus(ctx, 'DownloadScheduled', 3));
    await ctx.step('Steps 5-6: Downloading', () => expectStatus(ctx, 'Downloading', 5));
    await ctx.step('Steps 7-8: Downloaded', () => expectStatus(ctx, 'Downloaded', 7));
    const verified = await ctx.step('Steps 9-10: SignatureVerified', () => expectStatus(ctx, 'SignatureVerified', 9));
    await expectInstallation(ctx, verified, tail, 'TC_L_03_CS');
  },
});
