/**
 * OCPP 1.6 TC_079_CSMS — Get Security Log (OCTT 1.6 document §3.21.2; Security Whitepaper N01
 * Retrieve Log Information): the operator makes the Central System ask for the security log to be
 * uploaded to the configured log location (`extra.logLocation`; default a placeholder URL the
 * Central System only has to pass on, nothing is uploaded to it). The harness, as Charge Point,
 * accepts and reports Uploading and Uploaded with the GetLog's requestId (N01.FR.07); the Central
 * System must confirm both.
 */
import { defineTestCase, type JsonObject } from '../../../../src/engine/authoring.js';
import { checkReply, request, triggeredCall } from '../_shared/charge-point.js';

const defaultLogLocation = 'https://127.0.0.1/ocpp-conform/logs';

export default defineTestCase({
  id: 'TC_079_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Get Security Log',
  useCases: ['N01 Retrieve Log Information'],
  requirements: ['OCPP 1.6 Security Whitepaper N01.FR.01', 'OCPP 1.6 Security Whitepaper N01.FR.03', 'OCPP 1.6 Security Whitepaper N01.FR.07'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-SecurityLog' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'GetLog.req logType SecurityLog, log.remoteLocation the configured log location' },
    { step: 2, checks: 'the harness answers GetLog.conf Accepted (the request asks for a log it has)' },
    { step: 3, checks: 'the harness sends LogStatusNotification.req Uploading; the Central System answers it' },
    { step: 5, checks: 'the harness sends LogStatusNotification.req Uploaded; the Central System answers it' },
  ],
  detects: ['get-log-wrong-log-type'],
  async run(ctx) {
    const configured = ctx.config.extra['logLocation'];
    const location = typeof configured === 'string' && configured.trim() !== '' ? configured : defaultLogLocation;
    let requestId: number | undefined;
    await ctx.step('Steps 1-2: the Central System sends GetLog.req SecurityLog to the configured log location', async () => {
      const got = await triggeredCall(ctx, {
        action: 'GetLog',
        trigger: 'triggerGetLog',
        params: { logType: 'SecurityLog', remoteLocation: location },
        step: 1,
        answer: (call) => (call.payload['logType'] === 'SecurityLog' || call.payload['logType'] === 'DiagnosticsLog' ? { status: 'Accepted', filename: `${String(call.payload['logType'])}.log` } : { status: 'Rejected' }),
      });
      const log = got.payload['log'];
      const remote = log !== null && typeof log === 'object' && !Array.isArray(log) ? (log as JsonObject)['remoteLocation'] : undefined;
      ctx.check('GetLog.req logType is SecurityLog', got.payload['logType'] === 'SecurityLog', { expected: 'SecurityLog', actual: got.payload['logType'] ?? 'absent', frames: got.frames, step: 1 });
      ctx.check('GetLog.req log.remoteLocation is the configured log location', remote === location, { expected: location, actual: remote ?? 'absent', frames: got.frames, step: 1 });
      checkReply(ctx, 'GetLog', got.reply, 'Accepted', got.frames, 2);
      requestId = typeof got.payload['requestId'] === 'number' ? got.payload['requestId'] : undefined;
    });
    const withId = requestId === undefined ? {} : { requestId };
    await ctx.step('Steps 3-4: LogStatusNotification.req Uploading is confirmed', async () => {
      await request(ctx, 'LogStatusNotification', { status: 'Uploading', ...withId }, { step: 3, describe: 'the Central System answers LogStatusNotification.req Uploading with a LogStatusNotification.conf' });
    });
    await ctx.step('Steps 5-6: LogStatusNotification.req Uploaded is confirmed', async () => {
      await request(ctx, 'LogStatusNotification', { status: 'Uploaded', ...withId }, { step: 5, describe: 'the Central System answers LogStatusNotification.req Uploaded with a LogStatusNotification.conf' });
    });
  },
});
