/**
 * Robustness catalogue (beyond the official one), IB-05: After an idle period a CSMS-initiated CALL is still answered.
 * Enforces OCPP-J 2.0.1 Part 4 §4.1.1 / §5 (the connection stays usable between heartbeats).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib05Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB05_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-05',
  title: "After an idle period a CSMS-initiated CALL is still answered",
  certification: [],
  robustness: { ib: 'IB-05', clause: "OCPP-J 2.0.1 Part 4 \u00a74.1.1 / \u00a75 (the connection stays usable between heartbeats)", severity: 'critical', notCovered: "WebSocket ping/pong timing (pings every 120 s, a peer that stops ponging) needs control over pings the harness does not have; the idle period is seconds, not minutes" },
  detects: ['stops-answering-when-idle'],
  run: ib05Run,
});
