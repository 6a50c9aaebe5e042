/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_10_CS — Secure Firmware Update,
 * AcceptedCanceled. A second UpdateFirmware while the first is downloading is answered
 * AcceptedCanceled (Part 2 L01.FR.24); from then on every FirmwareStatusNotification carries the
 * second request's requestId: Downloading, Downloaded, SignatureVerified and the installation as
 * installation.ts judges it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectStatus, firmwareLocation, hoursFromNow, required, updateFirmware } from './firmware.js';
import { expectInstallation, installationValidations } from './installation.js';

const tail = { unavailable: 13, installing: 16, available: 20, installed: 22, event: 24 };

export default defineTestCase({
  id: 'TC_L_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - AcceptedCanceled',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.10', 'L01.FR.20', 'L01.FR.24'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-60' },
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 6, checks: 'UpdateFirmwareResponse status AcceptedCanceled' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status Downloading, requestId of the second request' },
    { step: 9, checks: 'FirmwareStatusNotificationRequest status Downloaded, requestId of the second request' },
    { step: 11, checks: 'FirmwareStatusNotificationRequest status SignatureVerified, requestId of the second request' },
    ...installationValidations(tail),
  ],
  detects: ['firmware-cancel-not-reported'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    const firmware = { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature };
    await ctx.step('Steps 1-2: UpdateFirmware', () => updateFirmware(ctx, firmware, ['Accepted'], 2));
    await ctx.step('Steps 3-4: Downloading', () => expectStatus(ctx, 'Downloading', 3));
    const second = await ctx.step('Steps 5-6: a second UpdateFirmware while downloading', () => updateFirmware(ctx, firmware, ['AcceptedCanceled'], 6));
    await ctx.step('Steps 7-8: Downloading', () => expectStatus(ctx, 'Downloading', 7, second.requestId));
    await ctx.step('Steps 9-10: Downloaded', () => expectStatus(ctx, 'Downloaded', 9, second.requestId));
    const verified = await ctx.step('Steps 11-12: SignatureVerified', () => expectStatus(ctx, 'SignatureVerified', 11, second.requestId));
    await expectInstallation(ctx, verified, tail, 'TC_L_10_CS');
  },
});
