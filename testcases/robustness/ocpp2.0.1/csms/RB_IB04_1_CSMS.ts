/**
 * Robustness catalogue (beyond the official one), IB-04: Three large messages in a row on one connection are all decoded and answered.
 * Enforces OCPP-J 2.0.1 Part 4 §3 / RFC 6455 §5 (every frame of a connection is decoded on its own terms; RFC 7692 context takeover must not break later messages).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ib04Run } from '../../_support/runs.js';

export default defineTestCase({
  id: 'RB_IB04_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-04',
  title: "Three large messages in a row on one connection are all decoded and answered",
  certification: [],
  robustness: { ib: 'IB-04', clause: "OCPP-J 2.0.1 Part 4 \u00a73 / RFC 6455 \u00a75 (every frame of a connection is decoded on its own terms; RFC 7692 context takeover must not break later messages)", severity: 'critical', notCovered: "permessage-deflate itself is not negotiated: the harness client does not offer RFC 7692, so the negotiation (2.0.1 Part 4: the CSMS shall support it), its parameters and RSV1 frames are not tested; only the field symptom (a connection failing on later large messages) is" },
  states: ['Idle'],
  detects: ['fails-on-second-large-frame'],
  run: ib04Run,
});
