/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_05_CS — Secure Firmware Update,
 * InvalidCertificate. UpdateFirmware carries a signing certificate the station must not trust (the
 * generated invalid one); it answers InvalidCertificate or RevokedCertificate and reports a
 * SecurityEventNotification InvalidFirmwareSigningCertificate (Part 2 L01.FR.02/22).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectSecurityEvent, firmwareLocation, hoursFromNow, required, updateFirmware } from './firmware.js';

export default defineTestCase({
  id: 'TC_L_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - InvalidCertificate',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.02', 'L01.FR.10', 'L01.FR.20', 'L01.FR.21', 'L01.FR.22'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status InvalidCertificate or RevokedCertificate' },
    { step: 3, checks: 'SecurityEventNotificationRequest type InvalidFirmwareSigningCertificate' },
  ],
  detects: ['firmware-accepts-untrusted-certificate'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareInvalidSigningCertificate', 'The generated invalid firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    await ctx.step('Steps 1-2: UpdateFirmware with the invalid signing certificate', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime: hoursFromNow(ctx, -2), signingCertificate, signature }, ['InvalidCertificate', 'RevokedCertificate'], 2),
    );
    await ctx.step('Steps 3-4: the station reports the invalid signing certificate', () => expectSecurityEvent(ctx, 'InvalidFirmwareSigningCertificate', 3));
  },
});
