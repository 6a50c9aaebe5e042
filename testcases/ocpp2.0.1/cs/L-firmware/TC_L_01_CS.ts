/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_01_CS — Secure Firmware Update,
 * Installation successful. UpdateFirmware (retrieve and install two hours ago, the configured
 * signing certificate and signature): Downloading, Downloaded, SignatureVerified, then the
 * installation as installation.ts judges it (Part 2 L01.FR.01/04/05/09/10/12/13/15/20/21/23).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectStatus, firmwareLocation, hoursFromNow, required, updateFirmware } from './firmware.js';
import { expectInstallation, installationValidations } from './installation.js';

const tail = { unavailable: 9, installing: 12, available: 16, installed: 18, event: 20 };

export default defineTestCase({
  id: 'TC_L_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - Installation successful',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.13', 'L01.FR.15', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status SignatureVerified' },
    ...installationValidations(tail),
  ],
  detects: ['firmware-no-firmware-updated-event'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    await ctx.step('Steps 1-2: UpdateFirmware, retrieve and install two hours ago', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-4: Downloading', () => expectStatus(ctx, 'Downloading', 3));
    await ctx.step('Steps 5-6: Downloaded', () => expectStatus(ctx, 'Downloaded', 5));
    const verified = await ctx.step('Steps 7-8: SignatureVerified', () => expectStatus(ctx, 'SignatureVerified', 7));
    await expectInstallation(ctx, verified, tail, 'TC_L_01_CS');
  },
});
