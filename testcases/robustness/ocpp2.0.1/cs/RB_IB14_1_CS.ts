/**
 * Robustness catalogue (beyond the official one), IB-14: A message type OCPP 2.0.1 does not define (SEND, 6) is answered MessageTypeNotSupported.
 * Enforces OCPP-J 2.0.1 Part 4 §4.4 (an unknown message type is answered with MessageTypeNotSupported).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib14Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB14_1_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'IB-14',
  title: "A message type OCPP 2.0.1 does not define (SEND, 6) is answered MessageTypeNotSupported",
  certification: [],
  robustness: { ib: 'IB-14', clause: "OCPP-J 2.0.1 Part 4 \u00a74.4 (an unknown message type is answered with MessageTypeNotSupported)", severity: 'minor', notCovered: "the 2.1 exchange itself (an invalid CALLRESULT answered with CALLRESULTERROR, SEND not answered) needs a 2.1 DUT; the simulators speak 1.6 and 2.0.1" },
  detects: ['ignores-unknown-message-type'],
  run: ib14Run,
});
