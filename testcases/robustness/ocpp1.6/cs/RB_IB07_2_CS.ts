/**
 * Robustness catalogue (beyond the official one), IB-07: After the CSMS closes with 1000 the station connects again.
 * Enforces OCPP-J 1.6 §5 (reconnect after a connection loss, whatever the close code).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib07Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB07_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-07',
  title: "After the CSMS closes with 1000 the station connects again",
  certification: [],
  robustness: { ib: 'IB-07', clause: "OCPP-J 1.6 \u00a75 (reconnect after a connection loss, whatever the close code)", severity: 'critical', notCovered: "close codes 1001, 1011, 4xxx and an abrupt TCP drop, and the measured retry schedule, are not exercised here" },
  detects: ['no-reconnect'],
  run: ib07Run,
});
