/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_09_CS — Remote stop transaction, Rejected.
 * During an energy transfer, RequestStopTransaction for a transactionId the station did not
 * issue must be Rejected (Part 2 F03.FR.08), and the running transaction goes on.
 */
import { randomUUID } from 'node:crypto';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { openTransactionId } from '../_shared/journal.js';
import { fromNow, ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote stop transaction - Rejected',
  useCases: ['F03'],
  requirements: ['F03.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'RequestStopTransaction for another transactionId' },
  ],
  detects: ['accepts-remote-stop-unknown-tx'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const running = openTransactionId(ctx);
    await ctx.step('Steps 1-2: RequestStopTransaction for another transactionId', async () => {
      let other = randomUUID();
      while (other === running) other = randomUUID();
      fromNow(ctx);
      await ctx.callExpect('RequestStopTransaction', { transactionId: other }, { match: { status: 'Rejected' }, describe: 'status Rejected' });
    });
  },
});
