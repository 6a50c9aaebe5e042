/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_04_CSMS — Secure Firmware Update,
 * RevokedCertificate: the CSMS sends UpdateFirmware (Part 2 L01.FR.01) and the simulated station answers that the signing certificate is revoked; Part 6 validates nothing further.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUpdateFirmware } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - RevokedCertificate',
  useCases: ['L01'],
  requirements: ['L01.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware; the station answers RevokedCertificate', () => expectUpdateFirmware(ctx, {}, 'RevokedCertificate'));
  },
});
