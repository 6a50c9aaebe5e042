/**
 * TC_023_3_CSMS Start Charging Session - Authorize blocked (OCPP 1.6 edition 2 §4.1
 * Authorize, §7.2 AuthorizationStatus; shape of 2.0.1 Part 6 TC_C_06_CSMS).
 *
 * The EV is plugged in and the driver presents the configured blocked idTag: the Central System must
 * refuse it in Authorize.conf, so no transaction starts and the connector is free again when the
 * cable is removed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core',
  title: 'Start Charging Session - Authorize blocked',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['accepts-blocked-token'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.blocked.idToken;
    await ctx.step('1-2. Cable plugged in: StatusNotification Preparing', async () => {
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('3-4. Authorize with the configured blocked idTag → Blocked', async () => {
      const status = await authorize(ctx, idTag);
      // §7.2 Blocked: the identifier is known and not allowed to charge. 2.0.1 Part 6
      // TC_C_06_CSMS also lets the CSMS answer Invalid; that stays a pass here, flagged as a warning because 1.6
      // defines Invalid as "unknown" and has a status of its own for this idTag.
      ctx.check('Authorize.conf idTagInfo.status for the configured blocked idTag refuses it', status === 'Blocked' || status === 'Invalid', { expected: 'Blocked (or Invalid)', actual: status ?? 'absent' });
      ctx.check('Authorize.conf idTagInfo.status says why (Blocked, not just Invalid)', status === 'Blocked', { expected: 'Blocked', actual: status ?? 'absent', severity: 'warning' });
    });
    await ctx.step('5-6. No transaction; cable unplugged: StatusNotification Available', async () => {
      await statusNotification(ctx, connectorId, 'Available');
    });
  },
});
