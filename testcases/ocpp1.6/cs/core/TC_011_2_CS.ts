/**
 * OCPP 1.6 TC_011_2_CS — Remote Start Charging Session - Time Out. Derived from OCPP 1.6 edition 2
 * §5.11 and §4.9 / §9.1.6: a remote start without a cable waits in Preparing and is cancelled
 * after ConnectionTimeOut (back to Available, no StartTransaction.req), in the shape of 2.0.1
 * Part 6 TC_F_04_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, setConfiguration, shortConnectionTimeOutS, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_2_CS',
  version: '1.6',
  sut: 'cs',
  block: '05 Remote Actions (Happy Flow)',
  title: 'Remote Start Charging Session - Time Out',
  useCases: ['Remote Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['ignores-ev-connection-timeout', 'remote-start-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const timeoutS = shortConnectionTimeOutS(ctx);

    await ctx.step(`Before: ConnectionTimeOut = ${timeoutS}`, async () => {
      await setConfiguration(ctx, 'ConnectionTimeOut', String(timeoutS), { required: true });
    });
    const preparing = await ctx.step('RemoteStartTransaction.req without a cable: Accepted, StatusNotification.req Preparing', async () => {
      fromNow(ctx);
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Accepted' } });
      // With AuthorizeRemoteTxRequests true an Authorize.req may come first (not judged here).
      return ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
    });
    await ctx.step(`No cable within ${timeoutS} s: back to Available after ConnectionTimeOut, no transaction`, async () => {
      const available = await ctx.expectGap('StatusNotification', {
        after: preparing,
        minMs: timeoutS * 1000,
        withinMs: timeoutS * 1000 + ctx.toleranceMs,
        match: status(connectorId, 'Available'),
      });
      const starts = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StartTransaction');
      ctx.check('no StartTransaction.req', starts.length === 0, { expected: 'none', actual: `${starts.length}`, frames: framesOf(available) });
    });
  },
});
