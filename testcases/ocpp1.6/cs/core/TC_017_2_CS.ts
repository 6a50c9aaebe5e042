/**
 * OCPP 1.6 TC_017_2_CS — Unlock connector - no charging session running (Fixed cable) (OCTT 1.6
 * document §2.7.2; prerequisite: a fixed cable): a charge point with a tethered cable has no
 * connector lock to open, so UnlockConnector.req answers NotSupported (step 2; 1.6 §7.46
 * "Charge Point has no connector lock"). The demo runs it against the `fixed-cable` variant.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_017_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock connector - no charging session running (Fixed cable)',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §7.46'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'HW-FixedCable' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'UnlockConnector.conf status NotSupported' },
  ],
  detects: ['unlocks-fixed-cable'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: UnlockConnector.req of a fixed-cable connector: NotSupported', async () => {
      const res = await ctx.call('UnlockConnector', { connectorId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('UnlockConnector.conf status is NotSupported', answer === 'NotSupported', { expected: 'NotSupported', actual: answer, step: 2 });
    });
  },
});
