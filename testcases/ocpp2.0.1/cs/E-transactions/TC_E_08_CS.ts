/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_08_CS — Stop transaction options, EnergyTransfer
 * stopped, StopAuthorized (Part 2 E06 S6). TxStopPoint EnergyTransfer (not Authorized, not
 * PowerPathClosed): the local stop stops the energy, and that ends the transaction (the reusable
 * state StopAuthorized with the stop point reached; step 1 "N/a" beyond the state's own checks).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready, transactionEvents, txInfo } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { configurableOrNone, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - EnergyTransfer stopped - StopAuthorized',
  useCases: ['E06'],
  requirements: ['E06.FR.07', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.4 and (C-52 or NOT (C-10.2 or C-10.3)).
  applies: { all: [{ item: 'C-10.4' }, configurableOrNone('C-52', 'C-10.2', 'C-10.3')] },
  validations: [{ step: 1, checks: 'the reusable state StopAuthorized with the stop point reached: the transaction ends (Ended, stoppedReason Local or omitted)' }],
  detects: ['ignores-energy-transfer-stop'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['EnergyTransfer'], excludes: ['Authorized', 'PowerPathClosed'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const from = journalEnd(ctx);
    await ctx.step('Step 1: StopAuthorized', () => ctx.state('StopAuthorized'));
    await ctx.step('Step 1: the stopped energy transfer ended the transaction', () => {
      const ended = transactionEvents(ctx).find((e) => e.index >= from && e.payload['eventType'] === 'Ended');
      ctx.check('a TransactionEvent Ended after the stop', ended !== undefined, { expected: 'eventType Ended', actual: ended ? `Ended, stoppedReason ${txInfo(ended).stoppedReason ?? 'omitted'}` : 'no Ended', ...(ended?.frameSeq === undefined ? {} : { frames: [ended.frameSeq] }), step: 1 });
      return Promise.resolve();
    });
  },
});
