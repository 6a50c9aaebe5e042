/**
 * Robustness catalogue (beyond the official one), IB-21: Authorize with an idToken of 37 characters (one over the maximum).
 * Enforces OCPP 2.0.1 Authorize schema (idToken at most 36 characters).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB21_2_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-21',
  title: "Authorize with an idToken of 37 characters (one over the maximum)",
  certification: [],
  robustness: { ib: 'IB-21', clause: "OCPP 2.0.1 Authorize schema (idToken at most 36 characters)", severity: 'major', notCovered: "multibyte UTF-8 at the boundary and the other bounded fields (serial numbers, info) are not sent" },
  states: ['Idle'],
  detects: ['truncates-long-strings'],
  async run(ctx) {
    const id = rawId(ctx, 'len');
    const token = 'RBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX37';
    const answer = await exchange(ctx, 'Send Authorize with a 37-character idToken', callFrame(id, 'Authorize', { idToken: { idToken: token, type: 'Central' } }));
    expectCallError(ctx, answer, schemaCodes(ctx), id, 'one character over the maximum');
  },
});
