/**
 * OCPP 1.6 TC_017_1_CS — Unlock connector - no charging session running (Not fixed cable) (OCTT 1.6
 * document §2.7.1; prerequisite: no fixed cable): UnlockConnector.req of the configured connector
 * without a session: Unlocked (step 2; 1.6 §5.18, §7.46).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_017_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock connector - no charging session running (Not fixed cable)',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { not: { item: 'HW-FixedCable' } },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'UnlockConnector.conf status Unlocked' },
  ],
  detects: ['unlock-fails'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: UnlockConnector.req without a session: Unlocked', async () => {
      const res = await ctx.call('UnlockConnector', { connectorId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('UnlockConnector.conf status is Unlocked', answer === 'Unlocked', { expected: 'Unlocked', actual: answer, step: 2 });
    });
  },
});
