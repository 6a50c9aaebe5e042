/**
 * TC_061_CSMS Clear Authorization Data in Authorization Cache (OCTT 1.6 document §3.3.2,
 * Table 123; OCPP 1.6 §5.4 ClearCache).
 *
 * The operator makes the Central System clear the Charge Point's authorization cache: a
 * ClearCache.req as the schema has it (no fields), which the Charge Point accepts (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, generalPreconditions, triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_061_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Cache',
  title: 'Clear Authorization Data in Authorization Cache',
  requirements: ['OCPP 1.6 §5.4'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'ClearCache.req received, well formed, so the Charge Point answers Accepted' }],
  detects: ['ignores-trigger', 'clear-cache-extra-field'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step('Steps 1-2: ClearCache.req → ClearCache.conf Accepted', async () => {
      const call = await triggeredCall(ctx, {
        action: 'ClearCache',
        trigger: 'triggerClearCache',
        // OCPP 1.6 §6.11: ClearCache.req has no fields; a Charge Point clears its cache for a well-formed one.
        answer: (c) => ({ status: Object.keys(c.payload).length === 0 ? 'Accepted' : 'Rejected' }),
        step: 2,
      });
      checkReply(ctx, 'ClearCache', call.reply, 'Accepted', call.frames, 2);
    });
  },
});
