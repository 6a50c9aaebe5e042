/**
 * Robustness catalogue (beyond the official one), IB-19: An enum value in the wrong case (ChangeAvailability) is a schema violation.
 * Enforces OCPP 2.0.1 ChangeAvailability schema (enum values are case-sensitive); OCPP-J 2.0.1 Part 4 §4.2.3.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB19_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-19',
  title: "An enum value in the wrong case (ChangeAvailability) is a schema violation",
  certification: [],
  robustness: { ib: 'IB-19', clause: "OCPP 2.0.1 ChangeAvailability schema (enum values are case-sensitive); OCPP-J 2.0.1 Part 4 \u00a74.2.3", severity: 'major' },
  detects: ['case-insensitive-enums'],
  async run(ctx) {
    const id = rawId(ctx, 'enum');
    const answer = await exchange(ctx, 'Send ChangeAvailability with a lower-case enum value', callFrame(id, 'ChangeAvailability', { operationalStatus: 'inoperative' }));
    expectCallError(ctx, answer, schemaCodes(ctx), id, 'the value is not one of the enum');
    await expectStillServing(ctx);
  },
});
