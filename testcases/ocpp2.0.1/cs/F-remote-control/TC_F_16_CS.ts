/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_16_CS — Trigger message, LogStatusNotification,
 * Uploading. GetLog (DiagnosticsLog to the configured log location) is Accepted and the upload
 * starts (LogStatusNotification Uploading); a TriggerMessage(LogStatusNotification) while it runs is
 * Accepted and answered with Uploading again (Part 2 F06.FR.14).
 *
 * Our addition after the steps, without a verdict: wait (message timeout) for the upload to end, so
 * the next case does not start in the middle of it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { requestStatus, trigger } from './trigger.js';
import { logLocation } from './transfer-locations.js';

export default defineTestCase({
  id: 'TC_F_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - LogStatusNotification - Uploading',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.14'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.3' },
  validations: [
    { step: 2, checks: 'GetLogResponse status Accepted' },
    { step: 3, checks: 'LogStatusNotificationRequest status Uploading' },
    { step: 6, checks: 'TriggerMessageResponse status Accepted' },
    { step: 7, checks: 'LogStatusNotificationRequest status Uploading' },
  ],
  detects: ['log-status-idle-while-uploading'],
  async run(ctx) {
    await ready(ctx);
    const requestId = Math.floor(Math.random() * 1_000_000) + 1;
    await ctx.step('Steps 1-2: GetLog DiagnosticsLog', () => requestStatus(ctx, 'GetLog', { logType: 'DiagnosticsLog', requestId, log: { remoteLocation: logLocation(ctx) } }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the upload starts', async () => {
      await ctx.expectCall('LogStatusNotification', { match: { status: 'Uploading' }, step: 3 });
    });
    await ctx.step('Steps 5-6: TriggerMessage LogStatusNotification', () => trigger(ctx, 'LogStatusNotification', undefined, 'Accepted', { step: 6 }));
    await ctx.step('Steps 7-8: the station reports Uploading', async () => {
      await ctx.expectCall('LogStatusNotification', { match: { status: 'Uploading' }, step: 7 });
    });
    await ctx.step('After the steps: let the upload end (no verdict)', async () => {
      await ctx.maybeCall('LogStatusNotification', { from: journalMark(ctx), match: (p) => p['status'] !== 'Uploading' });
    });
  },
});
