// OCPP 2.0.1 Part 6 §2.3, TC_B_29_CS: a station that cannot reset a single EVSE (Part 5 C-13 absent)
// answers Reset OnIdle of the EVSE with a transaction Rejected (Part 2 B12.FR.09), not Scheduled.
// The transaction is left to the case's cleanup (Part 6 validates nothing after step 2). The demo
// runs it against the `no-evse-reset` variant.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { openTransactionId, stationReady } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_B_29_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset EVSE - With ongoing transaction - Not Supported',
  useCases: ['B11'],
  requirements: ['B12.FR.01', 'B12.FR.09'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { not: { item: 'C-13' } },
  states: ['EnergyTransferStarted'],
  validations: [{ step: 2, checks: 'Reset OnIdle with evseId <configured> during the transaction is Rejected' }],
  detects: ['accepts-unsupported-evse-reset'],
  async run(ctx) {
    await stationReady(ctx);
    if (openTransactionId(ctx) === undefined) ctx.inconclusive('the EnergyTransferStarted state left no transaction open');
    await ctx.step('Steps 1-2: Reset OnIdle of the configured EVSE during its transaction is Rejected', async () => {
      const res = await ctx.callExpect('Reset', { type: 'OnIdle', evseId: ctx.config.evseId });
      ctx.check('ResetResponse status', res['status'] === 'Rejected', { expected: 'Rejected', actual: res['status'] ?? 'absent', step: 2 });
    });
  },
});
