/**
 * Robustness catalogue (beyond the official one), IB-10: An unknown action is answered NotImplemented.
 * Enforces OCPP-J 2.0.1 Part 4 §4.2.3 (NotImplemented: the action is not known).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib10Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB10_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-10',
  title: "An unknown action is answered NotImplemented",
  certification: [],
  robustness: { ib: 'IB-10', clause: "OCPP-J 2.0.1 Part 4 \u00a74.2.3 (NotImplemented: the action is not known)", severity: 'major' },
  detects: ['swaps-notimplemented-notsupported'],
  run: ib10Run,
});
