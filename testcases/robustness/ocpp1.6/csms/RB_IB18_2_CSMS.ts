/**
 * Robustness catalogue (beyond the official one), IB-18: MeterValues with an empty sampledValue list: a defined outcome, the connection kept.
 * Enforces OCPP 1.6 MeterValues schema (sampledValue: at least one element in 2.0.1); OCPP-J 1.6 §4.2.3.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectDefinedOutcome, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB18_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-18',
  title: "MeterValues with an empty sampledValue list: a defined outcome, the connection kept",
  certification: [],
  robustness: { ib: 'IB-18', clause: "OCPP 1.6 MeterValues schema (sampledValue: at least one element in 2.0.1); OCPP-J 1.6 \u00a74.2.3", severity: 'critical', notCovered: "whether energy totals stay uncorrupted is internal to the CSMS and not observable on the wire" },
  states: ['Booted'],
  detects: ['crashes-on-empty-sampled-value'],
  async run(ctx) {
    const id = rawId(ctx, 'empty');
    const now = new Date(ctx.clock.wallMs()).toISOString();
    const answer = await exchange(ctx, 'Send MeterValues with sampledValue []', callFrame(id, 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: now, sampledValue: [] }] }));
    expectDefinedOutcome(ctx, answer, schemaCodes(ctx), id, 'a CALLERROR with a schema code, or accept with a warning');
    await expectStillServing(ctx);
  },
});
