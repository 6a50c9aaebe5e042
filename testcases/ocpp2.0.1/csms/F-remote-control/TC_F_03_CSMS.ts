/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_03_CSMS: remote start before the cable, with AuthorizeRemoteStart
 * false at the station. The CSMS's RequestStartTransactionRequest must carry the configured valid
 * idToken; the simulated station starts the transaction right away with RemoteStart and the
 * remoteStartId, then the EV is plugged in and charges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptRemoteStart, reportRemoteStart } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is false',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'The CSMS sends RequestStartTransactionRequest (steps 1-2)' },
  ],
  detects: ['remote-start-without-idtoken'],
  async run(ctx) {
    const start = await ctx.step('The CSMS sends RequestStartTransactionRequest (steps 1-2)', () => acceptRemoteStart(ctx));
    await ctx.step('The station starts the transaction (steps 3-4)', () => reportRemoteStart(ctx, start, 'Started'));
    await ctx.state('EnergyTransferStarted');
  },
});
