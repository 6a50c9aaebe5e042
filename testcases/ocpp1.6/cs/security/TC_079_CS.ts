/**
 * OCPP 1.6 TC_079_CS — Get Security Log (OCTT 1.6 document §2.24.2; Security Whitepaper N01
 * Retrieve Log Information, GetLog / LogStatusNotification): GetLog SecurityLog to the configured log location
 * is Accepted, the charge point reports Uploading and then Uploaded. When the harness serves the
 * location itself it also sees the file arrive before Uploaded (the expected result: the log is at
 * log.remoteLocation).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/charge-point.js';
import { callForStatus } from './certificate-calls.js';
import { logTarget, logUploadTimeoutMs } from './security-log.js';

export default defineTestCase({
  id: 'TC_079_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Get Security Log',
  useCases: ['N01 Retrieve Log Information'],
  requirements: ['OCPP 1.6 Security Whitepaper N01.FR.01', 'OCPP 1.6 Security Whitepaper N01.FR.02', 'OCPP 1.6 Security Whitepaper N01.FR.08', 'OCPP 1.6 Security Whitepaper N01.FR.09'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-SecurityLog' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetLog.conf status Accepted' },
    { step: 3, checks: 'the next LogStatusNotification.req has status Uploading' },
    { step: 5, checks: 'the next LogStatusNotification.req has status Uploaded; on the harness\'s own upload location the log file has arrived by then' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_079_CS step 1 validates an own message of the Central System (GetLog.req logType SecurityLog, log.remoteLocation the configured log location); the harness sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['security-log-not-uploaded'],
  async run(ctx) {
    const name = 'security-log-tc079';
    const target = await logTarget(ctx, name);
    const requestId = Math.floor(Math.random() * 1_000_000) + 1;
    fromNow(ctx);
    const since = ctx.clock.monoMs();
    await ctx.step('Steps 1-2: GetLog.req SecurityLog: Accepted', async () => {
      const conf = await callForStatus(ctx, 'GetLog', { logType: 'SecurityLog', requestId, log: { remoteLocation: target.remoteLocation } }, 'Accepted', 2);
      if (conf?.['status'] !== 'Accepted') ctx.fail('GetLog was not Accepted: the upload steps cannot be run');
    });
    await ctx.step('Steps 3-4: LogStatusNotification.req Uploading', async () => {
      await ctx.expectCall('LogStatusNotification', { match: { status: 'Uploading' }, describe: 'status Uploading', step: 3 });
    });
    await ctx.step('Steps 5-6: LogStatusNotification.req Uploaded, the log is at the location', async () => {
      const done = await ctx.expectCall('LogStatusNotification', { withinMs: logUploadTimeoutMs(ctx), match: { status: 'Uploaded' }, describe: 'status Uploaded', step: 5 });
      if (target.own === undefined) return;
      const got = target.own.transfer.received({ name: target.own.name, since });
      ctx.check('the security log arrived at log.remoteLocation before Uploaded was reported', got.length > 0, { expected: 'an upload to the harness\'s log location', actual: got.length > 0 ? `${got[0]?.size ?? 0} bytes (${got[0]?.method ?? '?'})` : 'no upload arrived', frames: done.frameSeq === undefined ? [] : [done.frameSeq], step: 5 });
    });
  },
});
