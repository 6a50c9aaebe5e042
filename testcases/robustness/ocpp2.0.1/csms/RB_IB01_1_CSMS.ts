/**
 * Robustness catalogue (beyond the official one), IB-01: Only ws-chat offered: the CSMS must not serve the connection.
 * Enforces OCPP-J 2.0.1 Part 4 §3.2 (no agreed subprotocol: complete the handshake without one and close).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib01Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB01_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-01',
  title: "Only ws-chat offered: the CSMS must not serve the connection",
  certification: [],
  robustness: { ib: 'IB-01', clause: "OCPP-J 2.0.1 Part 4 \u00a73.2 (no agreed subprotocol: complete the handshake without one and close)", severity: 'major', notCovered: "an empty Sec-WebSocket-Protocol header is not sent: the harness client always sends its offered list" },
  detects: ['accepts-any-subprotocol'],
  run: ib01Run,
});
