/**
 * OCPP 2.0.1 Part 6 §3.5, TC_D_09_CSMS — asked to, the CSMS sends GetLocalListVersionRequest; the
 * harness station answers versionNumber 0 (no list installed, Part 2 D02.FR.02). The document
 * validates nothing further; the general rules (§3.1) judge the request and what follows.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { actAsListHolder } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_09_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Get Local List Version - No list available',
  useCases: ['D02'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['Idle'],
  detects: ['ignores-trigger'],
  async run(ctx) {
    actAsListHolder(ctx, 0);
    await ctx.step('Steps 1-2: the CSMS sends GetLocalListVersionRequest, answered with 0', async () => {
      await ctx.dut('triggerGetLocalListVersion');
      await ctx.expectCall('GetLocalListVersion', { describe: 'a GetLocalListVersionRequest from the CSMS' });
    });
  },
});
