/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_02_CSMS: remote start before the cable, with AuthorizeRemoteStart
 * true at the station. The CSMS's RequestStartTransactionRequest must carry the configured valid
 * idToken; the simulated station authorizes it first (the CSMS must accept it), starts the
 * transaction with RemoteStart and the remoteStartId, then the EV is plugged in and charges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptRemoteStart, idTokenOf, idTokenStatusIn, reportRemoteStart } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is true',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'The CSMS sends RequestStartTransactionRequest (steps 1-2)' },
    { step: 4, checks: 'The station authorizes the idToken (steps 3-4)' },
  ],
  detects: ['remote-start-without-idtoken', 'rejects-valid-token'],
  async run(ctx) {
    const start = await ctx.step('The CSMS sends RequestStartTransactionRequest (steps 1-2)', () => acceptRemoteStart(ctx));
    await ctx.step('The station authorizes the idToken (steps 3-4)', async () => {
      await ctx.callExpect('Authorize', { idToken: idTokenOf(ctx.config.idTokens.valid) }, { match: idTokenStatusIn('Accepted'), describe: 'idTokenInfo.status Accepted' });
    });
    await ctx.step('The station starts the transaction (steps 5-6)', () => reportRemoteStart(ctx, start, 'Started'));
    await ctx.state('EnergyTransferStarted');
  },
});
