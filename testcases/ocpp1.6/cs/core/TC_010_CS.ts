/**
 * OCPP 1.6 TC_010_CS — Remote Start Charging Session – Cable Plugged in First (OCTT 1.6 document
 * §2.5.1): the scenario is the reusable state Charging of §2.25 (GetConfiguration
 * AuthorizeRemoteTxRequests, plug in: Preparing, RemoteStartTransaction.req: Accepted, Authorize.req
 * only if AuthorizeRemoteTxRequests is true, StartTransaction.req and Charging in either order);
 * the document validates no step of its own, the state's checks decide.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_010_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Cable Plugged in First',
  useCases: ['Remote Start Transaction', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['remote-start-ignored', 'suspended-evse-while-charging'],
  async run(ctx) {
    await ctx.step('Scenario: reusable state Charging', () => chargingState(ctx, { connectorId: ctx.config.connectorId }));
  },
});
