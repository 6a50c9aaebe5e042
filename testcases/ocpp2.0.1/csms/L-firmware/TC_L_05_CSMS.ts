/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_05_CSMS — Secure Firmware Update,
 * InvalidCertificate: the CSMS sends UpdateFirmware (Part 2 L01.FR.01); the simulated station answers InvalidCertificate and reports the security event InvalidFirmwareSigningCertificate, which the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware, securityEvent } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_05_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - InvalidCertificate',
  useCases: ['L01'],
  requirements: ['L01.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware; the station answers InvalidCertificate', () => expectUpdateFirmware(ctx, {}, 'InvalidCertificate'));
    await ctx.step('Steps 3-4: SecurityEventNotification InvalidFirmwareSigningCertificate', () => securityEvent(ctx, 'InvalidFirmwareSigningCertificate'));
  },
});
