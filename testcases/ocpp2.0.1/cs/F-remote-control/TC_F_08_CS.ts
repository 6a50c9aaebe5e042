/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_08_CS — Remote stop transaction, Success.
 * From EnergyTransferStarted: StopAuthorized (remote: RequestStopTransaction with the station's
 * transactionId, answered Accepted, then a TransactionEvent with triggerReason RemoteStop);
 * then the §2.1 general rules over the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote stop transaction - Success',
  useCases: ['F03'],
  requirements: ['F03.FR.02', 'F03.FR.03', 'F03.FR.07', 'F03.FR.09'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['rejects-remote-stop'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Step 1: StopAuthorized (remote)', () => ctx.state('StopAuthorized', { stopMethod: 'remote' }));
    const ended = ctx.journal().some((e) => e.kind === 'callIn' && e.action === 'TransactionEvent' && e.payload['eventType'] === 'Ended');
    await checkSession(ctx, { ended, ...(ended ? { stoppedReason: ['Remote'] } : {}) });
  },
});
