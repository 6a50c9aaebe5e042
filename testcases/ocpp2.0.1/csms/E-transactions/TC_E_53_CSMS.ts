/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_53_CSMS: two transactions one after the other (EnergyTransferStarted,
 * EVDisconnected, twice), each starting at seqNo 0 (E01.FR.07 recommends it); the CSMS must answer
 * the Started event of each with a TransactionEventResponse.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkStartedAnswered } from './support.js';

export default defineTestCase({
  id: 'TC_E_53_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction',
  useCases: ['E01'],
  requirements: ['E01.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'the first transaction: Started with seqNo 0 is answered' },
    { step: 3, checks: 'the second transaction: Started with seqNo 0 is answered' },
  ],
  detects: ['rejects-seqno-reset'],
  async run(ctx) {
    let from = ctx.journal().length;
    await ctx.step('A first transaction: reusable state EnergyTransferStarted (step 1)', async () => {
      await ctx.state('EnergyTransferStarted');
      checkStartedAnswered(ctx, { from, step: 1 });
    });
    await ctx.step('It ends: reusable state EVDisconnected (step 2)', () => ctx.state('EVDisconnected'));
    from = ctx.journal().length;
    await ctx.step('A second transaction: reusable state EnergyTransferStarted (step 3)', async () => {
      await ctx.state('EnergyTransferStarted');
      checkStartedAnswered(ctx, { from, step: 3 });
    });
    await ctx.step('It ends: reusable state EVDisconnected (step 4)', () => ctx.state('EVDisconnected'));
  },
});
