/**
 * OCPP 1.6 TC_024_CS — Start Charging Session - Lock Failure (OCTT 1.6 document §2.10): after a
 * remote start (RemoteStartTransaction Accepted, Authorize first when AuthorizeRemoteTxRequests is
 * true, 1.6 §5.11) the connector is Preparing; the driver pushes the cable in only halfway, the
 * lock cannot close: StatusNotification.req Faulted with errorCode ConnectorLockFailure (1.6 §7.6)
 * and no transaction starts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { KeyValue } from '../_shared/charge-point.js';
import { framesOf, fromNow, journalMark } from '../_shared/charge-point.js';
import { callFrames, expectNoTransactionStarted, transactionDurationMs } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_024_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session - Lock Failure',
  useCases: ['Remote Start Transaction', 'Authorize', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.9', 'OCPP 1.6 §7.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { not: { item: 'HW-FixedCable' } },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf lists the key AuthorizeRemoteTxRequests' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Preparing' },
    { step: 9, checks: 'after the cable went in halfway: StatusNotification.req Faulted, errorCode ConnectorLockFailure (and no transaction starts)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_024_CS step 1 validates an own message of the Central System (GetConfiguration.req key AuthorizeRemoteTxRequests); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_024_CS step 6 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['lock-failure-wrong-error-code', 'lock-failure-starts-transaction'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const authorizeRemote = await ctx.step('Steps 1-2: GetConfiguration.req AuthorizeRemoteTxRequests', async () => {
      const res = await ctx.call('GetConfiguration', { key: ['AuthorizeRemoteTxRequests'] });
      const keys = res.status === 'result' ? ((res.payload['configurationKey'] as KeyValue[] | undefined) ?? []) : [];
      const entry = keys.find((k) => k.key === 'AuthorizeRemoteTxRequests');
      const actual = res.status === 'result' ? (entry ? entry.key : 'not listed') : res.status;
      ctx.check('configurationKey.key is AuthorizeRemoteTxRequests', entry !== undefined, { expected: 'AuthorizeRemoteTxRequests', actual, frames: callFrames(ctx, res.messageId), step: 2 });
      return entry?.value === 'true';
    });
    await ctx.step('Steps 3-4: RemoteStartTransaction.req: Accepted', async () => {
      fromNow(ctx);
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Accepted' } });
    });
    if (authorizeRemote) {
      await ctx.step('Steps 5-6: Authorize.req (AuthorizeRemoteTxRequests is true)', async () => {
        await ctx.expectCall('Authorize', { match: { idTag } });
      });
    }
    await ctx.step('Steps 7-8: StatusNotification.req Preparing', async () => {
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, step: 7 });
      ctx.check('status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn), step: 7 });
    });
    const since = journalMark(ctx);
    try {
      await ctx.step('Steps 9-10: the cable goes in halfway: StatusNotification.req Faulted, ConnectorLockFailure', async () => {
        fromNow(ctx);
        await ctx.dut('plugInHalfway', { connectorId });
        const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, step: 9 });
        ctx.check('status is Faulted', sn.payload['status'] === 'Faulted', { expected: 'Faulted', actual: sn.payload['status'], frames: framesOf(sn), step: 9 });
        ctx.check('errorCode is ConnectorLockFailure', sn.payload['errorCode'] === 'ConnectorLockFailure', { expected: 'ConnectorLockFailure', actual: sn.payload['errorCode'], frames: framesOf(sn), step: 9 });
      });
      await ctx.step('Expected result: the charge point does not start a transaction', () => expectNoTransactionStarted(ctx, since, transactionDurationMs(ctx), 9));
    } finally {
      await ctx.step('After: the cable out, clear the connector lock failure', () => ctx.dut('clearFault', { connectorId }));
    }
  },
});
