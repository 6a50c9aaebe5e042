/**
 * Robustness catalogue (beyond the official one), IB-26: RequestStopTransaction for an unknown transaction is answered Rejected.
 * Enforces OCPP 2.0.1 RequestStopTransaction (status Rejected when the transaction is not known).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB26_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-26',
  title: "RequestStopTransaction for an unknown transaction is answered Rejected",
  certification: [],
  robustness: { ib: 'IB-26', clause: "OCPP 2.0.1 RequestStopTransaction (status Rejected when the transaction is not known)", severity: 'major', notCovered: "remote start without / with 0 / with an unknown connectorId and with a charging profile are not exercised" },
  detects: ['errors-on-unknown-transaction'],
  async run(ctx) {
    await ctx.peer();
    await ctx.step('Ask to stop a transaction the station does not know', () => ctx.callExpect('RequestStopTransaction', { transactionId: 'rb-no-such-transaction' }, { match: { status: 'Rejected' } }));
  },
});
