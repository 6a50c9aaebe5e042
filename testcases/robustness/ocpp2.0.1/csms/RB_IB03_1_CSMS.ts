/**
 * Robustness catalogue (beyond the official one), IB-03: An identity differing only in case is another station.
 * Enforces OCPP-J 2.0.1 Part 4 §3.1.1 (the identity is the last path segment, compared as given); A00.FR.204.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB03_1_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'IB-03',
  title: "An identity differing only in case is another station",
  certification: [],
  robustness: { ib: 'IB-03', clause: "OCPP-J 2.0.1 Part 4 \u00a73.1.1 (the identity is the last path segment, compared as given); A00.FR.204", severity: 'major', notCovered: "percent-encoded identities with |, space or 48 characters need a CSMS that knows such identities; the harness cannot register them on a DUT" },
  detects: ['case-insensitive-identity'],
  async run(ctx) {
    const other = ctx.config.stationId === ctx.config.stationId.toLowerCase() ? ctx.config.stationId.toUpperCase() : ctx.config.stationId.toLowerCase();
    if (other === ctx.config.stationId) ctx.inconclusive(`the configured identity ${ctx.config.stationId} has no letters to change the case of`);
    const outcome = await ctx.step(`Connect as ${other}`, () => ctx.raw.dial({ identity: other, subprotocols: ['ocpp2.0.1'] }));
    ctx.check(`${other} is not served as ${ctx.config.stationId}`, !outcome.connected, {
      expected: 'the upgrade refused (an unknown identity, e.g. HTTP 404)',
      actual: outcome.connected ? `connected, subprotocol ${outcome.subprotocol ?? 'none'}` : `refused: ${outcome.reason}`,
    });
    await expectStillServing(ctx);
  },
});
