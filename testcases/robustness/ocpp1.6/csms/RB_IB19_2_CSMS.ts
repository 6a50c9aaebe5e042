/**
 * Robustness catalogue (beyond the official one), IB-19: An enum value in the wrong case (StatusNotification) is a schema violation.
 * Enforces OCPP 1.6 StatusNotification schema (enum values are case-sensitive); OCPP-J 1.6 §4.2.3.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB19_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-19',
  title: "An enum value in the wrong case (StatusNotification) is a schema violation",
  certification: [],
  robustness: { ib: 'IB-19', clause: "OCPP 1.6 StatusNotification schema (enum values are case-sensitive); OCPP-J 1.6 \u00a74.2.3", severity: 'major' },
  states: ['Booted'],
  detects: ['case-insensitive-enums'],
  async run(ctx) {
    const id = rawId(ctx, 'enum');
    const answer = await exchange(ctx, 'Send StatusNotification with a lower-case enum value', callFrame(id, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'available' }));
    expectCallError(ctx, answer, schemaCodes(ctx), id, 'the value is not one of the enum');
    await expectStillServing(ctx);
  },
});
