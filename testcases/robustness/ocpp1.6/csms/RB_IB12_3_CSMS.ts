/**
 * Robustness catalogue (beyond the official one), IB-12: A CALLRESULT matching no CALL is ignored and the connection kept.
 * Enforces OCPP-J 1.6 §4.1.3 (a response is matched to its CALL by message id; one for no CALL is not an error to fail on).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib12bRun } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB12_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-12',
  title: "A CALLRESULT matching no CALL is ignored and the connection kept",
  certification: [],
  robustness: { ib: 'IB-12', clause: "OCPP-J 1.6 \u00a74.1.3 (a response is matched to its CALL by message id; one for no CALL is not an error to fail on)", severity: 'major' },
  detects: ['closes-on-stray-response'],
  run: ib12bRun,
});
