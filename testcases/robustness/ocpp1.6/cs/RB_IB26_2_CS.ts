/**
 * Robustness catalogue (beyond the official one), IB-26: RemoteStopTransaction for an unknown transaction is answered Rejected.
 * Enforces OCPP 1.6 RemoteStopTransaction (status Rejected when the transaction is not known).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB26_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-26',
  title: "RemoteStopTransaction for an unknown transaction is answered Rejected",
  certification: [],
  robustness: { ib: 'IB-26', clause: "OCPP 1.6 RemoteStopTransaction (status Rejected when the transaction is not known)", severity: 'major', notCovered: "remote start without / with 0 / with an unknown connectorId and with a charging profile are not exercised" },
  detects: ['errors-on-unknown-transaction'],
  async run(ctx) {
    await ctx.peer();
    await ctx.step('Ask to stop a transaction the station does not know', () => ctx.callExpect('RemoteStopTransaction', { transactionId: 987654321 }, { match: { status: 'Rejected' } }));
  },
});
