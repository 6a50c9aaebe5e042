/**
 * Robustness catalogue (beyond the official one), IB-08: A frame that is not JSON: a CALLERROR or a close, and the DUT keeps serving.
 * Enforces OCPP-J 1.6 §4.2.3 (a message that cannot be parsed is answered with a CALLERROR; the id is "-1" when it cannot be read).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib08Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB08_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-08',
  title: "A frame that is not JSON: a CALLERROR or a close, and the DUT keeps serving",
  certification: [],
  robustness: { ib: 'IB-08', clause: "OCPP-J 1.6 \u00a74.2.3 (a message that cannot be parsed is answered with a CALLERROR; the id is \"-1\" when it cannot be read)", severity: 'critical', notCovered: "invalid UTF-8, NUL bytes, deep nesting and floods are covered by the hostile-frame tests of the harness itself, not here" },
  detects: ['hangs-after-malformed-frame'],
  run: ib08Run,
});
