/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_21_CS — Stop transaction options, StopAuthorized,
 * Remote (Part 2 E06 S3, F03). TxStopPoint Authorized (not PowerPathClosed): an accepted
 * RequestStopTransaction ends the transaction with one TransactionEvent: Ended, RemoteStop, Remote.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkEvent, configurePoints } from './tx-points.js';
import { remoteStopScenario } from './tx-stops.js';

export default defineTestCase({
  id: 'TC_E_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - StopAuthorized - Remote',
  useCases: ['E06', 'F03'],
  requirements: ['E06.FR.03', 'E06.FR.15', 'F03.FR.09'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-10.2' },
  validations: [
    { step: 2, checks: 'RequestStopTransactionResponse status Accepted' },
    { step: 3, checks: 'TransactionEvent triggerReason RemoteStop, stoppedReason Remote, eventType Ended' },
  ],
  detects: ['stop-point-authorized-ignored'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['Authorized'], excludes: ['PowerPathClosed'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const { accepted, first } = await remoteStopScenario(ctx);
    await ctx.step('Steps 2-4: Accepted; one TransactionEvent ends the transaction', async () => {
      ctx.check('RequestStopTransactionResponse status', accepted.status === 'Accepted', { expected: 'Accepted', actual: accepted.status, step: 2 });
      checkEvent(ctx, await first(), { step: 3, triggerReason: ['RemoteStop'], stoppedReason: ['Remote'], eventType: ['Ended'] });
    });
  },
});
