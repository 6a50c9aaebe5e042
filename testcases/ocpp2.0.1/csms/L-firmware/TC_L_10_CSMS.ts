/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_10_CSMS — Secure Firmware Update,
 * AcceptedCanceled: while a firmware download runs, the CSMS sends a second UpdateFirmware (Part 2
 * L01.FR.01/11/24); the simulated station answers AcceptedCanceled, drops the first update and runs
 * the new one to Installed, rebooting on the way (the CSMS must accept its boot).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, firmwareStatus, rebootInstalled } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_10_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - AcceptedCanceled',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11', 'L01.FR.24'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 18, checks: 'BootNotificationResponse (reason FirmwareUpdate) status Accepted' }],
  detects: ['ignores-trigger'],
  async run(ctx) {
    const first = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware; the station accepts', () => expectUpdateFirmware(ctx, {}, 'Accepted'));
    await ctx.step('Steps 3-4: Downloading', () => firmwareStatus(ctx, 'Downloading', first.requestId));
    const { requestId } = await ctx.step('Steps 5-6: the CSMS sends a new UpdateFirmware; the station cancels the running one (AcceptedCanceled)', () => expectUpdateFirmware(ctx, {}, 'AcceptedCanceled'));
    await ctx.step('Steps 7-8: Downloading (the new firmware)', () => firmwareStatus(ctx, 'Downloading', requestId));
    await ctx.step('Steps 9-10: Downloaded', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 11-12: SignatureVerified', () => firmwareStatus(ctx, 'SignatureVerified', requestId));
    await ctx.step('Steps 13-14: Installing', () => firmwareStatus(ctx, 'Installing', requestId));
    await rebootInstalled(ctx, requestId, { step: 18 });
  },
});
