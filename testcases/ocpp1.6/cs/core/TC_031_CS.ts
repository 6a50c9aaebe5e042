/**
 * OCPP 1.6 TC_031_CS — Unlock Connector – Unknown Connector (OCTT 1.6 document §2.12.2):
 * UnlockConnector.req of a connectorId the charge point does not have is answered NotSupported
 * (1.6 §7.46 UnlockStatus), not UnlockFailed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, journalMark } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_031_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Non-happy flow',
  title: 'Unlock Connector – Unknown Connector',
  useCases: ['Unlock Connector'],
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §7.46'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'UnlockConnector.conf status NotSupported for an unknown connectorId' }],
  detects: ['unlock-unknown-connector-failed'],
  async run(ctx) {
    // <Unknown connectorId>: one above the configured number of connectors.
    const connectorId = ctx.config.numberOfEvses + 1;
    const since = journalMark(ctx);
    await ctx.step(`Steps 1-2: UnlockConnector.req of connector ${connectorId} (unknown): NotSupported`, async () => {
      await ctx.callExpect('UnlockConnector', { connectorId }, { match: { status: 'NotSupported' } });
    });
    await ctx.step('Nothing else happens: no StopTransaction.req', () => expectNone(ctx, 'StopTransaction', since, { wait: false }));
  },
});
