/**
 * Robustness catalogue (beyond the official one), IB-06: A second connection of the same identity is served.
 * Enforces OCPP-J 1.6 §3 (one connection per station; a new connection replaces a stale one).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib06Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB06_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-06',
  title: "A second connection of the same identity is served",
  certification: [],
  robustness: { ib: 'IB-06', clause: "OCPP-J 1.6 \u00a73 (one connection per station; a new connection replaces a stale one)", severity: 'critical', notCovered: "a half-open first connection (no FIN) cannot be made on loopback; the first connection is open and idle" },
  states: ['Booted'],
  detects: ['refuses-second-connection'],
  run: ib06Run,
});
