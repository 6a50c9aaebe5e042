/**
 * Robustness catalogue (beyond the official one), IB-16: Meter values 8.1, 0.3, 16.7 and 6.25 are accepted.
 * Enforces OCPP 2.0.1 Part 2 MeterValuesRequest (SampledValueType.value is a decimal).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallResult, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB16_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-16',
  title: "Meter values 8.1, 0.3, 16.7 and 6.25 are accepted",
  certification: [],
  robustness: { ib: 'IB-16', clause: "OCPP 2.0.1 Part 2 MeterValuesRequest (SampledValueType.value is a decimal)", severity: 'major' },
  states: ['Idle'],
  detects: ['rejects-decimal-values'],
  async run(ctx) {
    const id = rawId(ctx, 'dec');
    const sampledValue = [8.1, 0.3, 16.7, 6.25].map((value) => ({ value }));
    const answer = await exchange(ctx, 'Send MeterValues with decimal values', callFrame(id, 'MeterValues', { evseId: 1, meterValue: [{ timestamp: new Date(ctx.clock.wallMs()).toISOString(), sampledValue }] }));
    expectCallResult(ctx, answer, id, 'decimal values are valid; a float multipleOf check must not reject them');
  },
});
