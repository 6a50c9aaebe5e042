/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_06_CSMS: with no transaction, the CSMS sends UnlockConnector for the
 * configured EVSE and connector; the simulated station answers Unlocked. Part 5 lists this case
 * without a certification profile, on the condition that the CSMS can unlock connectors (C-11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  useCases: ['F05'],
  requirements: [],
  certification: [],
  applies: { item: 'C-11' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'UnlockConnectorRequest evseId and connectorId are the configured ones' },
  ],
  detects: ['unlock-wrong-connector'],
  async run(ctx) {
    const { evseId, connectorId } = ctx.config;
    await ctx.step('Steps 1-2: the CSMS sends UnlockConnector, answered Unlocked', async () => {
      const call = await triggered(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { evseId, connectorId }, respond: () => ({ status: 'Unlocked' }) });
      ctx.check(`UnlockConnectorRequest.evseId is ${evseId}`, call.payload['evseId'] === evseId, { expected: evseId, actual: call.payload['evseId'] ?? 'absent', frames: framesOf(call), step: 1 });
      ctx.check(`UnlockConnectorRequest.connectorId is ${connectorId}`, call.payload['connectorId'] === connectorId, { expected: connectorId, actual: call.payload['connectorId'] ?? 'absent', frames: framesOf(call), step: 1 });
    });
  },
});
