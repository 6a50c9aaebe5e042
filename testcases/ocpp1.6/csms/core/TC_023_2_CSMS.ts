/**
 * TC_023_2_CSMS Start Charging Session - Authorize expired (OCPP 1.6 edition 2 §4.1
 * Authorize, §7.2 AuthorizationStatus; shape of 2.0.1 Part 6 TC_C_07_CSMS).
 *
 * The EV is plugged in and the driver presents the configured expired idTag: the Central System must
 * refuse it in Authorize.conf, so no transaction starts and the connector is free again when the
 * cable is removed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session - Authorize expired',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Authorize.conf idTagInfo.status Expired for the configured expired idTag' },
  ],
  detects: ['accepts-expired-token'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.expired.idToken;
    await ctx.step('1-2. Cable plugged in: StatusNotification Preparing', async () => {
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('3-4. Authorize with the configured expired idTag → Expired', async () => {
      const status = await authorize(ctx, idTag);
      // §7.2 Expired: the identifier is known and not allowed to charge. 2.0.1 Part 6
      // TC_C_07_CSMS also lets the CSMS answer Invalid; that stays a pass here, flagged as a warning because 1.6
      // defines Invalid as "unknown" and has a status of its own for this idTag.
      ctx.check('Authorize.conf idTagInfo.status for the configured expired idTag refuses it', status === 'Expired' || status === 'Invalid', { expected: 'Expired (or Invalid)', actual: status ?? 'absent' });
      ctx.check('Authorize.conf idTagInfo.status says why (Expired, not just Invalid)', status === 'Expired', { expected: 'Expired', actual: status ?? 'absent', severity: 'warning' });
    });
    await ctx.step('5-6. No transaction; cable unplugged: StatusNotification Available', async () => {
      await statusNotification(ctx, connectorId, 'Available');
    });
  },
});
