/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_23_CSMS — Unpublish Firmware - Download Ongoing: the CSMS sends UnpublishFirmware (Part 2 L04); the simulated Local Controller answers that a station is still downloading it. Part 6 validates no field.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectUnpublishFirmware } from './publish-firmware.js';

export default defineTestCase({
  id: 'TC_L_23_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Unpublish Firmware - Download Ongoing',
  useCases: ['L04'],
  requirements: [],
  // Not in Part 5's certification tables.
  certification: [],
  states: ['Idle'],
  validations: [],
  detects: ['ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends UnpublishFirmware; the Local Controller answers DownloadOngoing', () => expectUnpublishFirmware(ctx, 'DownloadOngoing'));
  },
});
