/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_19_CS — Trigger message,
 * FirmwareStatusNotification, Downloading. UpdateFirmware (configured location, retrieveDateTime
 * two hours ago, no installDateTime, the configured signing certificate and signature where
 * configured) is Accepted and the download starts (Downloading); a TriggerMessage
 * (FirmwareStatusNotification) while it runs is Accepted and answered Downloading (Part 2 L01.FR.26).
 *
 * Our addition after the steps, without a verdict: wait (message timeout) until the download is
 * over, so the next case does not start in the middle of it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { requestStatus, trigger } from './trigger.js';
import { firmwareLocation, firmwareSignature, firmwareSigningCertificate } from './transfer-locations.js';

export default defineTestCase({
  id: 'TC_F_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - FirmwareStatusNotification - Downloading',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'L01.FR.26'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.4' },
  validations: [
    { step: 2, checks: 'UpdateFirmwareResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Downloading' },
    { step: 6, checks: 'TriggerMessageResponse status Accepted' },
    { step: 7, checks: 'FirmwareStatusNotificationRequest status Downloading' },
  ],
  detects: ['firmware-status-idle-while-downloading'],
  async run(ctx) {
    await ready(ctx);
    const requestId = Math.floor(Math.random() * 1_000_000) + 1;
    const signingCertificate = firmwareSigningCertificate(ctx);
    const signature = firmwareSignature(ctx);
    const firmware = {
      location: firmwareLocation(ctx),
      retrieveDateTime: new Date(ctx.clock.wallMs() - 2 * 3600_000).toISOString(),
      ...(signingCertificate === undefined ? {} : { signingCertificate }),
      ...(signature === undefined ? {} : { signature }),
    };
    await ctx.step('Steps 1-2: UpdateFirmware, retrieveDateTime two hours ago', () => requestStatus(ctx, 'UpdateFirmware', { requestId, firmware }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the download starts', async () => {
      await ctx.expectCall('FirmwareStatusNotification', { match: { status: 'Downloading' }, step: 3 });
    });
    await ctx.step('Steps 5-6: TriggerMessage FirmwareStatusNotification', () => trigger(ctx, 'FirmwareStatusNotification', undefined, 'Accepted', { step: 6 }));
    await ctx.step('Steps 7-8: the station reports Downloading', async () => {
      await ctx.expectCall('FirmwareStatusNotification', { match: { status: 'Downloading' }, step: 7 });
    });
    await ctx.step('After the steps: let the download end (no verdict)', async () => {
      await ctx.maybeCall('FirmwareStatusNotification', { from: journalMark(ctx), match: (p) => p['status'] !== 'Downloading' });
    });
  },
});
