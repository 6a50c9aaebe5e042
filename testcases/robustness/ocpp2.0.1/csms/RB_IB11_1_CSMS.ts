/**
 * Robustness catalogue (beyond the official one), IB-11: A CALLERROR has five elements and errorDetails is an object.
 * Enforces OCPP-J 2.0.1 Part 4 §4.2.3 (CALLERROR: [4, id, errorCode, errorDescription, errorDetails], errorDetails a JSON object).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib11Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB11_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-11',
  title: "A CALLERROR has five elements and errorDetails is an object",
  certification: [],
  robustness: { ib: 'IB-11', clause: "OCPP-J 2.0.1 Part 4 \u00a74.2.3 (CALLERROR: [4, id, errorCode, errorDescription, errorDetails], errorDetails a JSON object)", severity: 'major' },
  detects: ['error-details-as-string'],
  run: ib11Run,
});
