/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_37_CSMS: asked to clear the station's authorization cache, the
 * CSMS sends ClearCacheRequest; the simulated station answers Accepted. The document validates no
 * field: what the wire shows is that a ClearCacheRequest (and not another message) comes.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_C_37_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Clear Authorization Data in Authorization Cache - Accepted',
  useCases: ['C11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['clear-cache-as-local-list', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ClearCacheRequest; the station answers Accepted', async () => {
      ctx.respond('ClearCache', () => ({ status: 'Accepted' }));
      await ctx.dut('triggerClearCache');
      const call = await ctx.expectCall('ClearCache');
      ctx.check('ClearCacheRequest has an empty payload (customData at most)', Object.keys(call.payload).every((k) => k === 'customData'), { expected: '{}', actual: call.payload, frames: framesOf(call) });
    });
  },
});
