/**
 * OCPP 2.0.1 Part 6 §3.5, TC_D_08_CSMS — asked to, the CSMS sends GetLocalListVersionRequest; the
 * harness station answers with the configured versionNumber. The document validates nothing
 * further; the general rules (§3.1) judge the request and the CSMS's handling of the answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { actAsListHolder } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Get Local List Version - Success',
  useCases: ['D02'],
  certification: [{ profile: 'Local Authorization List Management', need: 'C' }],
  // Part 5: only for a CSMS that supports GetLocalListVersion (LA-2).
  applies: { item: 'LA-2' },
  states: ['Idle'],
  detects: ['ignores-trigger'],
  async run(ctx) {
    const v = Number(ctx.config.extra['localListVersionNumber']);
    actAsListHolder(ctx, Number.isInteger(v) && v > 0 ? v : 5);
    await ctx.step('Steps 1-2: the CSMS sends GetLocalListVersionRequest, answered with the configured version', async () => {
      await ctx.dut('triggerGetLocalListVersion');
      await ctx.expectCall('GetLocalListVersion', { describe: 'a GetLocalListVersionRequest from the CSMS' });
    });
  },
});
