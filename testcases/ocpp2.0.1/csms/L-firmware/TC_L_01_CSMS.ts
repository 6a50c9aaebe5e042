/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_01_CSMS — Secure Firmware Update,
 * Installation successful: asked to, the CSMS sends UpdateFirmware carrying its configured signing
 * certificate and signature (Part 2 L01.FR.01/11/15); the simulated station accepts, reports
 * Downloading … InstallRebooting, reboots (the CSMS must accept its boot) and reports Installed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, firmwareStatus, rebootInstalled } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - Installation successful',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.15'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'UpdateFirmwareRequest firmware.signingCertificate and firmware.signature are the configured ones' },
    { step: 14, checks: 'BootNotificationResponse (reason FirmwareUpdate) status Accepted' },
  ],
  detects: ['update-firmware-without-signature', 'ignores-trigger'],
  async run(ctx) {
    const { requestId } = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware (signed firmware); the station accepts', () => expectUpdateFirmware(ctx, { checkSignature: true }, 'Accepted'));
    await ctx.step('Steps 3-4: Downloading', () => firmwareStatus(ctx, 'Downloading', requestId));
    await ctx.step('Steps 5-6: Downloaded', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 7-8: SignatureVerified', () => firmwareStatus(ctx, 'SignatureVerified', requestId));
    await ctx.step('Steps 9-10: Installing', () => firmwareStatus(ctx, 'Installing', requestId));
    await rebootInstalled(ctx, requestId, { step: 14 });
  },
});
