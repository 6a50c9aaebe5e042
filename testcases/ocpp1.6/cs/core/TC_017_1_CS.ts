/**
 * OCPP 1.6 TC_017_1_CS — Unlock connector - no session (Not fixed cable). Derived from OCPP 1.6
 * edition 2 §5.18 and §7.46 (UnlockConnector.conf Unlocked when the retention lock opened; no
 * transaction to finish first), in the shape of 2.0.1 Part 6 TC_F_05_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_017_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'UnlockConnector.conf status Unlocked' },
  ],
  detects: ['unlock-fails'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    fromNow(ctx);
    const since = ctx.cursor();
    await ctx.step('UnlockConnector.req without a session: Unlocked', async () => {
      await ctx.callExpect('UnlockConnector', { connectorId }, { match: { status: 'Unlocked' } });
    });
    await ctx.step('No transaction message follows', async () => {
      await expectNone(ctx, 'StopTransaction', since);
    });
  },
});
