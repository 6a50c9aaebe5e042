/**
 * OCPP 1.6 TC_004_2_CS — Regular Charging Session - Identification First - ConnectionTimeOut.
 * Derived from OCPP 1.6 edition 2 §4.9 (transition B1: the intended usage ends on a time-out of
 * ConnectionTimeOut) and §9.1.6 (ConnectionTimeOut counts from the start of Preparing), in the
 * shape of 2.0.1 Part 6 TC_E_04_CS (EVConnectionTimeOut).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clearAuthorizationCache } from '../_shared/auth-cache.js';
import { framesOf, presentIdTag, setConfiguration, shortConnectionTimeOutS, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_004_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Start Charging Session',
  title: 'Regular Charging Session – Identification First - ConnectionTimeOut',
  useCases: ['Authorize', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'StatusNotification.req Available after ConnectionTimeOut, no StartTransaction.req' },
  ],
  detects: ['ignores-ev-connection-timeout'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const timeoutS = shortConnectionTimeOutS(ctx);

    await clearAuthorizationCache(ctx);
    await ctx.step(`Before: ConnectionTimeOut = ${timeoutS}`, async () => {
      await setConfiguration(ctx, 'ConnectionTimeOut', String(timeoutS), { required: true });
    });
    const preparing = await ctx.step('Present a valid idTag without plugging in: Authorize.req, StatusNotification.req Preparing', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const [, sn] = await ctx.expectAll([{ action: 'Authorize', match: { idTag } }, { action: 'StatusNotification', match: status(connectorId, 'Preparing') }]);
      if (!sn) return ctx.fail('no Preparing status');
      return sn;
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
