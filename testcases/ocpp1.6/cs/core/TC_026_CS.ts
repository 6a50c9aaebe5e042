/**
 * OCPP 1.6 TC_026_CS — Remote Start Charging Session – Rejected (OCTT 1.6 document §2.11.1): with
 * LocalPreAuthorize false and a transaction ongoing (reusable state Charging), a
 * RemoteStartTransaction.req for that same connector is Rejected (step 2; 1.6 §5.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_026_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote Start Charging Session – Rejected',
  useCases: ['Change Availability', 'Remote Start Transaction'],
  requirements: ['OCPP 1.6 §5.2', 'OCPP 1.6 §5.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction.conf status Rejected while a transaction runs on that connector' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_026_CS step 1 validates an own message of the Central System (RemoteStartTransaction.req for the connector of the reusable state); the harness plays the Central System and sends it so (the harness sends it for the configured connectorId): there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-remote-start-when-busy'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await applyConfigurationStates(ctx, [{ key: 'LocalPreAuthorize', value: 'false' }]);
    await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    await ctx.step('Steps 1-2: RemoteStartTransaction.req on the connector of the ongoing transaction: Rejected', async () => {
      fromNow(ctx);
      const res = await ctx.call('RemoteStartTransaction', { connectorId, idTag });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('RemoteStartTransaction.conf status is Rejected', answer === 'Rejected', { expected: 'Rejected', actual: answer, step: 2 });
    });
  },
});
