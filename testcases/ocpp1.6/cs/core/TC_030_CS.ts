/**
 * OCPP 1.6 TC_030_CS — Unlock Connector – Unlock Failure (OCTT 1.6 document §2.12.1): with the
 * connector lock made to fail (the prerequisite), UnlockConnector.req is answered UnlockFailed
 * (1.6 §5.18: the answer says whether the charge point could unlock; §7.46).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_030_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Non-happy flow',
  title: 'Unlock Connector – Unlock Failure',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'UnlockConnector.conf status UnlockFailed' }],
  detects: ['unlock-failure-hidden'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    // Prerequisite: "the Charge Point is in a state where a connector lock failure can be triggered".
    await ctx.step('Before: make the connector lock fail', () => ctx.dut('jamConnectorLock', { connectorId }));
    try {
      await ctx.step('Steps 1-2: UnlockConnector.req: UnlockFailed', async () => {
        await ctx.callExpect('UnlockConnector', { connectorId }, { match: { status: 'UnlockFailed' } });
      });
    } finally {
      await ctx.step('After: free the connector lock', () => ctx.dut('freeConnectorLock', { connectorId }));
    }
  },
});
