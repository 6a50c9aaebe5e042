/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_11_CSMS — Secure Firmware Update, Unable
 * to cancel: while a firmware download runs, the CSMS sends a second UpdateFirmware (Part 2
 * L01.FR.01/11/27); the simulated station answers Rejected and runs the first update to Installed,
 * rebooting on the way (the CSMS must accept its boot).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, firmwareStatus, rebootInstalled } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_11_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - Unable to cancel',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.27'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 16, checks: 'BootNotificationResponse (reason FirmwareUpdate) status Accepted' }],
  detects: ['ignores-trigger'],
  async run(ctx) {
    const { requestId } = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware; the station accepts', () => expectUpdateFirmware(ctx, {}, 'Accepted'));
    await ctx.step('Steps 3-4: Downloading', () => firmwareStatus(ctx, 'Downloading', requestId));
    await ctx.step('Steps 5-6: the CSMS sends a new UpdateFirmware; the station cannot cancel the running one (Rejected)', () => expectUpdateFirmware(ctx, {}, 'Rejected'));
    await ctx.step('Steps 7-8: Downloaded (the first firmware)', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 9-10: SignatureVerified', () => firmwareStatus(ctx, 'SignatureVerified', requestId));
    await ctx.step('Steps 11-12: Installing', () => firmwareStatus(ctx, 'Installing', requestId));
    await rebootInstalled(ctx, requestId, { step: 16 });
  },
});
