/**
 * OCPP 1.6 TC_018_2_CS — Unlock Connector - With Charging Session (Fixed cable) (OCTT 1.6 document
 * §2.7.4; prerequisite: a fixed cable): UnlockConnector.req of the connector that is charging.
 * With a tethered cable there is no lock to open: the answer is NotSupported (step 2; 1.6 §7.46).
 * The document validates nothing after it; the transaction is left to the case's cleanup.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ongoingTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_018_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock Connector - With Charging Session (Fixed cable)',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §7.46'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'HW-FixedCable' },
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'UnlockConnector.conf status NotSupported' },
  ],
  detects: ['unlocks-fixed-cable'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    if (ongoingTransaction(ctx, connectorId) === undefined) ctx.inconclusive('the Charging state left no transaction on the connector');
    await ctx.step('Steps 1-2: UnlockConnector.req of the charging fixed-cable connector: NotSupported', async () => {
      const res = await ctx.call('UnlockConnector', { connectorId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('UnlockConnector.conf status is NotSupported', answer === 'NotSupported', { expected: 'NotSupported', actual: answer, step: 2 });
    });
  },
});
