/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_01_CSMS: the EV is plugged in first (a transaction is open), then
 * the CSMS starts charging remotely. Its RequestStartTransactionRequest must carry the configured
 * valid idToken; the simulated station accepts with its transactionId, reports RemoteStart with
 * the CSMS's remoteStartId and starts the energy transfer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptRemoteStart, reportRemoteStart } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Remote start transaction - Cable plugin first',
  useCases: ['F01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 1, checks: 'The CSMS sends RequestStartTransactionRequest (steps 1-2)' },
  ],
  detects: ['remote-start-without-idtoken', 'ignores-trigger'],
  async run(ctx) {
    const start = await ctx.step('The CSMS sends RequestStartTransactionRequest (steps 1-2)', () => acceptRemoteStart(ctx));
    await ctx.step('The station reports the remote start (steps 3-4)', () => reportRemoteStart(ctx, start, 'Updated'));
    await ctx.state('EnergyTransferStarted');
  },
});
