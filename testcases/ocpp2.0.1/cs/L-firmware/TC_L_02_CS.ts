/**
 * OCPP 2.0.1 Part 6 §2.13 (L Firmware Management), TC_L_02_CS — Secure Firmware Update,
 * InstallScheduled. Retrieve two hours ago, install <Configured Install Offset Period> from now:
 * Downloading, Downloaded, SignatureVerified, InstallScheduled, then at installDateTime the
 * installation as installation.ts judges it (Part 2 L01.FR.16).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectStatus, firmwareLocation, hoursFromNow, offsetMs, required, updateFirmware } from './firmware.js';
import { expectInstallation, installationValidations } from './installation.js';

const tail = { unavailable: 11, installing: 14, available: 18, installed: 20, event: 22 };

export default defineTestCase({
  id: 'TC_L_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'L',
  title: 'Secure Firmware Update - InstallScheduled',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.04', 'L01.FR.05', 'L01.FR.09', 'L01.FR.10', 'L01.FR.12', 'L01.FR.15', 'L01.FR.16', 'L01.FR.20', 'L01.FR.21', 'L01.FR.23'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotificationRequest status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status SignatureVerified' },
    { step: 9, checks: 'FirmwareStatusNotificationRequest status InstallScheduled' },
    ...installationValidations(tail),
  ],
  detects: ['firmware-install-not-scheduled'],
  async run(ctx) {
    await ready(ctx);
    const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
    const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
    const location = await firmwareLocation(ctx);
    const installDateTime = new Date(ctx.clock.wallMs() + offsetMs(ctx, 'install')).toISOString();
    await ctx.step('Steps 1-2: UpdateFirmware, retrieve two hours ago, install in the future', () =>
      updateFirmware(ctx, { location, retrieveDateTime: hoursFromNow(ctx, -2), installDateTime, signingCertificate, signature }, ['Accepted'], 2),
    );
    await ctx.step('Steps 3-4: Downloading', () => expectStatus(ctx, 'Downloading', 3));
    await ctx.step('Steps 5-6: Downloaded', () => expectStatus(ctx, 'Downloaded', 5));
    await ctx.step('Steps 7-8: SignatureVerified', () => expectStatus(ctx, 'SignatureVerified', 7));
    const scheduled = await ctx.step('Steps 9-10: InstallScheduled', () => expectStatus(ctx, 'InstallScheduled', 9));
    await expectInstallation(ctx, scheduled, tail, 'TC_L_02_CS');
  },
});
