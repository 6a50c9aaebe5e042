/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_06_CSMS — Secure Firmware Update,
 * InvalidSignature: the CSMS sends UpdateFirmware (Part 2 L01.FR.01/11); the simulated station downloads, reports InvalidSignature and the security event InvalidFirmwareSignature, which the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, firmwareStatus, securityEvent } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - InvalidSignature',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['firmware-failure-status-error', 'ignores-trigger'],
  async run(ctx) {
    const { requestId } = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware; the station accepts', () => expectUpdateFirmware(ctx, {}, 'Accepted'));
    await ctx.step('Steps 3-4: Downloading', () => firmwareStatus(ctx, 'Downloading', requestId));
    await ctx.step('Steps 5-6: Downloaded', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 7-8: InvalidSignature', () => firmwareStatus(ctx, 'InvalidSignature', requestId));
    await ctx.step('Steps 9-10: SecurityEventNotification InvalidFirmwareSignature', () => securityEvent(ctx, 'InvalidFirmwareSignature'));
  },
});
