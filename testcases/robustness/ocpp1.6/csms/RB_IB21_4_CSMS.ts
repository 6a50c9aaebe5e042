/**
 * Robustness catalogue (beyond the official one), IB-21: Authorize with an idTag of 21 characters (one over the maximum).
 * Enforces OCPP 1.6 Authorize schema (idTag at most 20 characters).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { callFrame, exchange, expectCallError, rawId, schemaCodes } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB21_4_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-21',
  title: "Authorize with an idTag of 21 characters (one over the maximum)",
  certification: [],
  robustness: { ib: 'IB-21', clause: "OCPP 1.6 Authorize schema (idTag at most 20 characters)", severity: 'major', notCovered: "multibyte UTF-8 at the boundary and the other bounded fields (serial numbers, info) are not sent" },
  states: ['Booted'],
  detects: ['truncates-long-strings'],
  async run(ctx) {
    const id = rawId(ctx, 'len');
    const token = 'RBXXXXXXXXXXXXXXXXX21';
    const answer = await exchange(ctx, 'Send Authorize with a 21-character idTag', callFrame(id, 'Authorize', { idTag: token }));
    expectCallError(ctx, answer, schemaCodes(ctx), id, 'one character over the maximum');
  },
});
