/**
 * TC_023_1_CSMS Start Charging Session - Authorize invalid (OCPP 1.6 edition 2 §4.1
 * Authorize, §7.2 AuthorizationStatus; shape of 2.0.1 Part 6 TC_C_02_CSMS).
 *
 * The EV is plugged in and the driver presents the configured invalid idTag: the Central System must
 * refuse it in Authorize.conf, so no transaction starts and the connector is free again when the
 * cable is removed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorize, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_023_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Basic Actions Non-happy flow',
  title: 'Start Charging Session - Authorize invalid',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Authorize.conf idTagInfo.status Invalid for the configured invalid idTag' },
  ],
  detects: ['accepts-invalid-token'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.invalid.idToken;
    await ctx.step('1-2. Cable plugged in: StatusNotification Preparing', async () => {
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('3-4. Authorize with the configured invalid idTag → Invalid', async () => {
      const status = await authorize(ctx, idTag);
      // §7.2 Invalid: the identifier is unknown (or not valid) and not allowed to charge.
      ctx.check('Authorize.conf idTagInfo.status for the configured invalid idTag', status === 'Invalid', { expected: 'Invalid', actual: status ?? 'absent' });
    });
    await ctx.step('5-6. No transaction; cable unplugged: StatusNotification Available', async () => {
      await statusNotification(ctx, connectorId, 'Available');
    });
  },
});
