/**
 * Robustness catalogue (beyond the official one), IB-21: Authorize with an idTag of 20 characters (the maximum).
 * Enforces OCPP 1.6 Authorize schema (idTag at most 20 characters).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallResult, rawId } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB21_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-21',
  title: "Authorize with an idTag of 20 characters (the maximum)",
  certification: [],
  robustness: { ib: 'IB-21', clause: "OCPP 1.6 Authorize schema (idTag at most 20 characters)", severity: 'major', notCovered: "multibyte UTF-8 at the boundary and the other bounded fields (serial numbers, info) are not sent" },
  states: ['Booted'],
  detects: ['rejects-max-length-string'],
  async run(ctx) {
    const id = rawId(ctx, 'len');
    const token = 'RBXXXXXXXXXXXXXXXX20';
    const answer = await exchange(ctx, 'Send Authorize with a 20-character idTag', callFrame(id, 'Authorize', { idTag: token }));
    expectCallResult(ctx, answer, id, 'the maximum length is allowed');
  },
});
