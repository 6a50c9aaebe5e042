/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_35_CS — Stop transaction options, PowerPathClosed,
 * Remote stop (Part 2 E06 S5, with errata 2025-01 §6.2.12). TxStopPoint PowerPathClosed (not
 * Authorized): an accepted RequestStopTransaction ends the transaction; one of its TransactionEvents
 * says RemoteStop and the last one is Ended with stoppedReason Remote.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { configurableOrNone, configurePoints } from './tx-points.js';
import { remoteStopScenario } from './tx-stops.js';

export default defineTestCase({
  id: 'TC_E_35_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - PowerPathClosed - Remote stop',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.3 and (C-52 or NOT C-10.2).
  applies: { all: [{ item: 'C-10.3' }, configurableOrNone('C-52', 'C-10.2')] },
  validations: [
    { step: 2, checks: 'RequestStopTransactionResponse status Accepted' },
    { step: 3, checks: 'errata §6.2.12: one TransactionEvent triggerReason RemoteStop; the last one eventType Ended with stoppedReason Remote' },
  ],
  detects: ['stop-point-authorized-ignored'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['PowerPathClosed'], excludes: ['Authorized'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const { accepted, events } = await remoteStopScenario(ctx);
    await ctx.step('Steps 2-4: Accepted; the transaction ends, remotely stopped', async () => {
      ctx.check('RequestStopTransactionResponse status', accepted.status === 'Accepted', { expected: 'Accepted', actual: accepted.status, step: 2 });
      const all = await events();
      const last = all.at(-1);
      const frames = all.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq]));
      ctx.check('one TransactionEvent triggerReason RemoteStop', all.some((e) => e.payload['triggerReason'] === 'RemoteStop'), { expected: 'RemoteStop in one of them', actual: all.map((e) => e.payload['triggerReason']).join(', '), frames, step: 3 });
      ctx.check('last TransactionEvent eventType', last?.payload['eventType'] === 'Ended', { expected: 'Ended', actual: last?.payload['eventType'] ?? 'none', frames, step: 3 });
      const reason = (last?.payload['transactionInfo'] as { stoppedReason?: unknown } | undefined)?.stoppedReason;
      ctx.check('last TransactionEvent transactionInfo.stoppedReason', reason === 'Remote', { expected: 'Remote', actual: reason ?? 'omitted', frames, step: 3 });
    });
  },
});
