/**
 * OCPP 1.6 TC_044_1_CS — Firmware Update - Download and Install. OCTT 1.6 document §2.18.1; OCPP 1.6
 * §4.5, §5.19, §8.1: UpdateFirmware with a valid firmware (retrieveDate now); the charge point reports
 * Downloading, Downloaded, Installing, reboots (BootNotification, StatusNotification Available) and
 * reports Installed. The document lets the boot and the Installed notification come in either order
 * (§5.19 has both: an automatic reboot before Installed, a manual one after it).
 */
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf } from '../_shared/charge-point.js';
import { checkAnswered, checkStatus, expectStatus, firmwareLocation, nowIso, request, stepTimeoutMs } from './firmware.js';

export default defineTestCase({
  id: 'TC_044_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Download and Install',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5', 'OCPP 1.6 §8.1'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'FirmwareStatusNotification.req status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotification.req status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotification.req status Installing' },
    { step: 9, checks: 'BootNotification.req after the installation, before or after the Installed notification (steps 9 / 13 in either order)' },
    { step: 11, checks: 'StatusNotification.req of the configured connector after the reboot: status Available' },
    { step: 13, checks: 'FirmwareStatusNotification.req status Installed' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_044_1_CS step 1 validates an own message of the Central System (UpdateFirmware.req with the Firmware Download URL from test data); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['firmware-installed-never-reported'],
  async run(ctx) {
    const location = await firmwareLocation(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('1-2. UpdateFirmware.req (valid firmware, retrieveDate now): UpdateFirmware.conf', async () => {
      // The installation reboots the charge point: its BootNotification is expected.
      bootExpected(ctx, true);
      checkAnswered(ctx, 'UpdateFirmware', await request(ctx, 'UpdateFirmware', { location, retrieveDate: nowIso(ctx) }));
    });
    await ctx.step('3-4. FirmwareStatusNotification.req Downloading', () => expectStatus(ctx, 'FirmwareStatusNotification', 'Downloading', 3));
    await ctx.step('5-6. FirmwareStatusNotification.req Downloaded', () => expectStatus(ctx, 'FirmwareStatusNotification', 'Downloaded', 5));
    await ctx.step('7-8. FirmwareStatusNotification.req Installing', () => expectStatus(ctx, 'FirmwareStatusNotification', 'Installing', 7));
    const [boot, installed] = await ctx.step('9-14. BootNotification.req and FirmwareStatusNotification.req Installed (either order)', async () => {
      const found = await ctx.expectAll([{ action: 'BootNotification' }, { action: 'FirmwareStatusNotification', match: () => true, describe: 'the next FirmwareStatusNotification' }], { withinMs: 2 * stepTimeoutMs(ctx), anyOrder: 'OCTT 1.6 document TC_044_1_CS "Step 9 / 13: The messages can be in a different order"', step: 9 });
      bootExpected(ctx, false);
      return found as [ObservedCall, ObservedCall];
    });
    await ctx.step('Step 13: the FirmwareStatusNotification.req says Installed', async () => {
      checkStatus(ctx, installed, 'Installed', 13);
    });
    await ctx.step('11-12. StatusNotification.req of the configured connector after the reboot: Available', async () => {
      const sn = await ctx.expectCall('StatusNotification', { from: boot.index, match: { connectorId }, withinMs: ctx.config.messageTimeoutMs, anyOrder: 'OCTT 1.6 document TC_044_1_CS step 11 validates the configured connector only; after a boot the charge point also reports connector 0 and its other connectors (OCPP 1.6 §4.9)', step: 11 });
      ctx.check('StatusNotification.req status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 11 });
    });
  },
});
