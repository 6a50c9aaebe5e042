/**
 * Robustness catalogue (beyond the official one), IB-20: customData with a vendorId is tolerated.
 * Enforces OCPP 2.0.1 Part 2 CustomDataType (every type may carry customData).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib20Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB20_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-20',
  title: "customData with a vendorId is tolerated",
  certification: [],
  robustness: { ib: 'IB-20', clause: "OCPP 2.0.1 Part 2 CustomDataType (every type may carry customData)", severity: 'major' },
  states: ['Idle'],
  detects: ['rejects-custom-data'],
  run: ib20Run,
});
