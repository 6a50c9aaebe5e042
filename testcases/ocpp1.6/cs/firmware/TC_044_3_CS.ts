/**
 * OCPP 1.6 TC_044_3_CS — Firmware Update - Installation Failed. OCTT 1.6 document §2.18.3; OCPP 1.6
 * §4.5, §5.19: UpdateFirmware of a file the charge point does not support. It reports Downloading,
 * Downloaded, Installing (optional: the installation may fail at once) and InstallationFailed; it
 * may reboot (BootNotification, optional) and report its connectors (optional), in any order: a
 * StatusNotification of the configured connector after the update started must end Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, quietMs } from '../_shared/charge-point.js';
import { afterOptional, checkAnswered, checkStatus, expectStatus, nowIso, request, unsupportedFirmwareLocation } from './firmware.js';

export default defineTestCase({
  id: 'TC_044_3_CS',
  version: '1.6',
  sut: 'cs',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Installation Failed',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5', 'OCPP 1.6 §7.25'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'FirmwareStatusNotification.req status Downloading' },
    { step: 5, checks: 'FirmwareStatusNotification.req status Downloaded' },
    { step: 7, checks: 'FirmwareStatusNotification.req status Installing, when sent (optional: the installation may fail at once)' },
    { step: 11, checks: 'FirmwareStatusNotification.req status InstallationFailed (before or after an optional reboot)' },
    { step: 13, checks: 'the last StatusNotification.req of the configured connector since the update, when any: status Available' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_044_3_CS step 1 validates an own message of the Central System (UpdateFirmware.req with the location of a not supported file); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 9, reason: 'OCTT 1.6 document TC_044_3_CS "Step 9 / 11 / 13: The messages can be in a different order" gives the optional reboot of step 9 no content to judge, only freedom of order: the case accepts a BootNotification.req before, between or after steps 11 and 13, or none' },
  ],
  detects: ['firmware-installs-unsupported-image'],
  async run(ctx) {
    const location = await unsupportedFirmwareLocation(ctx);
    const connectorId = ctx.config.connectorId;
    let since = 0;
    await ctx.step('1-2. UpdateFirmware.req (a not supported file): UpdateFirmware.conf', async () => {
      // Step 9: the charge point may reboot after the failed installation.
      bootExpected(ctx, true);
      const answer = await request(ctx, 'UpdateFirmware', { location, retrieveDate: nowIso(ctx) });
      since = ctx.cursor();
      checkAnswered(ctx, 'UpdateFirmware', answer);
    });
    await ctx.step('3-4. FirmwareStatusNotification.req Downloading', () => expectStatus(ctx, 'FirmwareStatusNotification', 'Downloading', 3));
    await ctx.step('5-6. FirmwareStatusNotification.req Downloaded', () => expectStatus(ctx, 'FirmwareStatusNotification', 'Downloaded', 5));
    const last = await ctx.step('7-8. FirmwareStatusNotification.req Installing (optional)', () => afterOptional(ctx, 'FirmwareStatusNotification', 'Installing', { optional: 7, final: 11 }));
    await ctx.step('11-12. FirmwareStatusNotification.req InstallationFailed', async () => {
      checkStatus(ctx, last, 'InstallationFailed', 11);
    });
    await ctx.step('13-14. StatusNotification.req of the configured connector (optional): Available', async () => {
      // Steps 9 and 13 are optional and may come in any order: give a reboot time to report.
      await ctx.sleep(quietMs(ctx));
      const boot = ctx.journal().find((e) => e.index >= since && e.kind === 'callIn' && e.action === 'BootNotification');
      if (boot) await ctx.maybeCall('StatusNotification', { from: boot.index, match: { connectorId }, withinMs: ctx.config.messageTimeoutMs });
      bootExpected(ctx, false);
      const reported = ctx.journal().filter((e) => e.index >= since && e.kind === 'callIn' && e.action === 'StatusNotification' && e.payload['connectorId'] === connectorId);
      const lastSn = reported.at(-1);
      if (!lastSn || lastSn.kind !== 'callIn') return;
      ctx.check('the last StatusNotification.req of the connector says Available', lastSn.payload['status'] === 'Available', { expected: 'Available', actual: lastSn.payload['status'], frames: lastSn.frameSeq === undefined ? [] : [lastSn.frameSeq], step: 13 });
    });
  },
});
