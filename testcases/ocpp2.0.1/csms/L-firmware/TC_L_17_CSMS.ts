/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_17_CSMS — Publish Firmware - Published: the CSMS sends PublishFirmware for the configured firmware location (Part 2 L03); the simulated Local Controller accepts, downloads, verifies the checksum and reports Published at that location.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectPublishFirmware, publishStatus } from './publish-firmware.js';

export default defineTestCase({
  id: 'TC_L_17_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Publish Firmware - Published',
  useCases: ['L03'],
  requirements: [],
  // Not in Part 5's certification tables.
  certification: [],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'PublishFirmwareRequest location is the configured firmware location' }],
  detects: ['publish-firmware-wrong-location', 'ignores-trigger'],
  async run(ctx) {
    const { requestId } = await ctx.step('Steps 1-2: the CSMS sends PublishFirmware for the configured firmware location; the Local Controller accepts', () => expectPublishFirmware(ctx));
    await ctx.step('Steps 3-4: Downloading', () => publishStatus(ctx, 'Downloading', requestId));
    await ctx.step('Steps 5-6: Downloaded', () => publishStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 7-8: ChecksumVerified', () => publishStatus(ctx, 'ChecksumVerified', requestId));
    await ctx.step('Steps 9-10: Published', () => publishStatus(ctx, 'Published', requestId));
  },
});
