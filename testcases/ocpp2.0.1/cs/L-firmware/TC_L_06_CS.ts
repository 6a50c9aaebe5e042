/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_06_CS — Secure Firmware Update,
 * InvalidSignature. UpdateFirmware with the configured signing certificate and a real signature that
 * is not the image's: the station downloads (Downloading, Downloaded), finds the signature wrong,
 * reports InvalidSignature and a SecurityEventNotification InvalidFirmwareSignature (Part 2 L01.FR.03/04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectSecurityEvent, expectStatus, firmwareLocation, hoursFromNow, required, updateFirmware } from './firmware.js';

export default defineTestCase({
  id: 'TC_L_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - InvalidSignature',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.03', 'L01.FR.04', 'L01.FR.10', 'L01.FR.20'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status InvalidSignature' },
    { step: 9, checks: 'SecurityEventNotificationRequest type InvalidFirmwareSignature' },
  ],
  detects: ['firmware-ignores-invalid-signature'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareInvalidSignature', 'The invalid firmware signature');
    const location = await firmwareLocation(ctx);
    await ctx.step('Steps 1-2: UpdateFirmware with the invalid signature', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-4: Downloading', () => expectStatus(ctx, 'Downloading', 3));
    await ctx.step('Steps 5-6: Downloaded', () => expectStatus(ctx, 'Downloaded', 5));
    await ctx.step('Steps 7-8: InvalidSignature', () => expectStatus(ctx, 'InvalidSignature', 7));
    await ctx.step('Steps 9-10: the station reports the invalid signature', () => expectSecurityEvent(ctx, 'InvalidFirmwareSignature', 9));
  },
});
