/**
 * Robustness catalogue (beyond the official one), IB-21: Authorize with an idToken of 36 characters (the maximum).
 * Enforces OCPP 2.0.1 Authorize schema (idToken at most 36 characters).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallResult, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB21_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-21',
  title: "Authorize with an idToken of 36 characters (the maximum)",
  certification: [],
  robustness: { ib: 'IB-21', clause: "OCPP 2.0.1 Authorize schema (idToken at most 36 characters)", severity: 'major', notCovered: "multibyte UTF-8 at the boundary and the other bounded fields (serial numbers, info) are not sent" },
  states: ['Idle'],
  detects: ['rejects-max-length-string'],
  async run(ctx) {
    const id = rawId(ctx, 'len');
    const token = 'RBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX36';
    const answer = await exchange(ctx, 'Send Authorize with a 36-character idToken', callFrame(id, 'Authorize', { idToken: { idToken: token, type: 'Central' } }));
    expectCallResult(ctx, answer, id, 'the maximum length is allowed');
  },
});
