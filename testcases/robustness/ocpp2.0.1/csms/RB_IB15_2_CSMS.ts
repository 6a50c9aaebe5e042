/**
 * Robustness catalogue (beyond the official one), IB-15: A timestamp without a full UTC offset (2023-10-19T15:28:07+02): a defined outcome, not InternalError.
 * Enforces OCPP-J 2.0.1 Part 4 §4.1 / RFC 3339 date-time (the offset is part of the value).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectDefinedOutcome, expectStillServing, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB15_2_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-15',
  title: "A timestamp without a full UTC offset (2023-10-19T15:28:07+02): a defined outcome, not InternalError",
  certification: [],
  robustness: { ib: 'IB-15', clause: "OCPP-J 2.0.1 Part 4 \u00a74.1 / RFC 3339 date-time (the offset is part of the value)", severity: 'major', notCovered: "whether an accepted value was normalised without shifting the time is not observable on the wire" },
  states: ['Idle'],
  detects: ['internal-error-on-odd-timestamp'],
  async run(ctx) {
    const id = rawId(ctx, 'ts');
    const answer = await exchange(ctx, 'Send StatusNotification with timestamp 2023-10-19T15:28:07+02', callFrame(id, 'StatusNotification', { timestamp: '2023-10-19T15:28:07+02', connectorStatus: 'Available', evseId: 1, connectorId: 1 }));
    expectDefinedOutcome(ctx, answer, schemaCodes(ctx), id, 'reject as a format error or accept; InternalError invites endless retries');
    await expectStillServing(ctx);
  },
});
