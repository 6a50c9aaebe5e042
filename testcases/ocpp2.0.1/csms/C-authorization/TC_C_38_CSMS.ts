/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_38_CSMS: asked to clear the station's authorization cache, the
 * CSMS sends ClearCacheRequest; the simulated station answers Rejected. The document validates no
 * field: what the wire shows is that a ClearCacheRequest (and not another message) comes.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_C_38_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Clear Authorization Data in Authorization Cache - Rejected',
  useCases: ['C11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['clear-cache-as-local-list', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ClearCacheRequest; the station answers Rejected', async () => {
      ctx.respond('ClearCache', () => ({ status: 'Rejected' }));
      await ctx.dut('triggerClearCache');
      const call = await ctx.expectCall('ClearCache');
      ctx.check('ClearCacheRequest has an empty payload (customData at most)', Object.keys(call.payload).every((k) => k === 'customData'), { expected: '{}', actual: call.payload, frames: framesOf(call) });
    });
  },
});
