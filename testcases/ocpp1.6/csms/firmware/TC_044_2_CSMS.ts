/**
 * OCPP 1.6 TC_044_2_CSMS — Firmware Update - Download Failed. OCTT 1.6 document §3.15.2; OCPP 1.6
 * §5.19, §7.25: the operator makes the Central System send UpdateFirmware; the harness (as Charge
 * Point) reports Downloading, then DownloadFailed (the document scripts the failure); the Central
 * System answers both.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectRequest, firmwareUrl, report } from './exchange.js';

export default defineTestCase({
  id: 'TC_044_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Download Failed',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5', 'OCPP 1.6 §7.25'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'the harness sends FirmwareStatusNotification.req Downloading; the Central System answers it' },
    { step: 5, checks: 'the harness sends FirmwareStatusNotification.req DownloadFailed; the Central System answers it' },
  ],
  detects: ['firmware-status-notification-error'],
  async run(ctx) {
    const url = await firmwareUrl(ctx);
    await ctx.step('1-2. The Central System sends UpdateFirmware.req; the harness answers UpdateFirmware.conf', () => expectRequest(ctx, 'UpdateFirmware', { location: url }, {}));
    await ctx.step('3-4. FirmwareStatusNotification.req Downloading', () => report(ctx, 'FirmwareStatusNotification', 'Downloading', 3));
    await ctx.step('5-6. FirmwareStatusNotification.req DownloadFailed', () => report(ctx, 'FirmwareStatusNotification', 'DownloadFailed', 5));
  },
});
