/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_15_CS — Stop transaction options, StopAuthorized,
 * Local (Part 2 E06 S3, E07). TxStopPoint Authorized (not PowerPathClosed): after the configured
 * transaction duration the idToken is presented again, and one TransactionEvent ends the
 * transaction: Ended, triggerReason StopAuthorized, stoppedReason Local.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { journalEnd, sessionOf, targetOf } from '../_shared/journal.js';
import { waitTransactionDuration } from '../_shared/states.js';
import { anyOf, checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - StopAuthorized - Local',
  useCases: ['E06'],
  requirements: ['E06.FR.03', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.2 and (C-30 or C-31 or C-32 or C-35).
  applies: { all: [{ item: 'C-10.2' }, anyOf('C-30', 'C-31', 'C-32', 'C-35')] },
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason StopAuthorized, stoppedReason Local, eventType Ended' }],
  detects: ['stop-point-authorized-ignored'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['Authorized'], excludes: ['PowerPathClosed'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const t = targetOf(ctx, {});
    const s = sessionOf(ctx, t.evseId);
    await ctx.step('Wait <Configured Transaction Duration>', () => waitTransactionDuration(ctx, {}));
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: present the idToken again; the transaction ends', async () => {
      const token = s.idToken ?? t.idToken;
      await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: token.idToken, type: token.type });
      const te = await expectTxEvent(ctx, from, 'the TransactionEvent of the local stop');
      checkEvent(ctx, te, { step: 1, triggerReason: ['StopAuthorized'], stoppedReason: ['Local'], eventType: ['Ended'] });
      s.stopAuthorized = true;
      s.txEnded = te.payload['eventType'] === 'Ended';
    });
  },
});
