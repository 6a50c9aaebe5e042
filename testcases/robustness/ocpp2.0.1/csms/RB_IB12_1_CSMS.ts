/**
 * Robustness catalogue (beyond the official one), IB-12: A CALL whose message id is a number is rejected, not answered under the number.
 * Enforces OCPP-J 2.0.1 Part 4 §4.1.3 (the message id is a string).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib12Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB12_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-12',
  title: "A CALL whose message id is a number is rejected, not answered under the number",
  certification: [],
  robustness: { ib: 'IB-12', clause: "OCPP-J 2.0.1 Part 4 \u00a74.1.3 (the message id is a string)", severity: 'major', notCovered: "37-character and empty ids: OCPP-J does not say how the receiver answers them; the harness flags them when the DUT sends them" },
  detects: ['echoes-numeric-message-id'],
  run: ib12Run,
});
