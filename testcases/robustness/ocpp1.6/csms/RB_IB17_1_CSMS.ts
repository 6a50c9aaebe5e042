/**
 * Robustness catalogue (beyond the official one), IB-17: A transactionId of 2^63-1 in MeterValues does not crash the Central System.
 * Enforces OCPP 1.6 edition 2 §6.31 MeterValues.req (transactionId integer); OCPP-J 1.6 §4.2.3.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { exchange, expectDefinedOutcome, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB17_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-17',
  title: "A transactionId of 2^63-1 in MeterValues does not crash the Central System",
  certification: [],
  robustness: { ib: 'IB-17', clause: "OCPP 1.6 edition 2 \u00a76.31 MeterValues.req (transactionId integer); OCPP-J 1.6 \u00a74.2.3", severity: 'critical', notCovered: "the station side (echoing an assigned 0, 2^31-1 or a negative id) needs a transaction flow; not in this case" },
  states: ['Booted'],
  detects: ['crashes-on-large-integer'],
  async run(ctx) {
    const id = rawId(ctx, 'txid');
    const at = new Date(ctx.clock.wallMs()).toISOString();
    // Written by hand: JSON.stringify cannot write 2^63-1 exactly (it is above 2^53).
    const text = `[2,"${id}","MeterValues",{"connectorId":1,"transactionId":9223372036854775807,"meterValue":[{"timestamp":"${at}","sampledValue":[{"value":"10"}]}]}]`;
    const answer = await exchange(ctx, 'Send MeterValues with transactionId 9223372036854775807', text);
    expectDefinedOutcome(ctx, answer, schemaCodes(ctx), id, 'accept or reject the out-of-range id, never drop the connection');
    await expectStillServing(ctx);
  },
});
