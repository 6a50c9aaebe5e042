/**
 * OCPP 1.6 TC_042_1_CSMS — Get Local List Version (not supported). OCTT 1.6 document §3.14.1; OCPP 1.6 §5.10: the Central System
 * asks for the version of the local list (an empty request) and takes the answer -1
 * (the Charge Point does not support Local Authorization Lists).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_042_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Local Authorization List',
  title: 'Get Local List Version (not supported)',
  useCases: ['Get Local List Version'],
  requirements: ['OCPP 1.6 §5.10'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'GetLocalListVersion.req (no fields) answered with listVersion -1' }],
  detects: ['get-local-list-version-with-payload', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('1-2. GetLocalListVersion.req, answered listVersion -1', async () => {
      const call = await triggeredCall(ctx, { action: 'GetLocalListVersion', trigger: 'triggerGetLocalListVersion', answer: () => ({ listVersion: -1 }), step: 2 });
      const fields = Object.keys(call.payload);
      // 1.6 GetLocalListVersion.req has no fields (its schema allows none).
      ctx.check('GetLocalListVersion.req carries no fields', fields.length === 0, { expected: '{}', actual: JSON.stringify(call.payload), frames: call.frames, step: 2 });
      ctx.check('the harness answered listVersion -1', call.reply['listVersion'] === -1, { expected: -1, actual: call.reply, frames: call.frames, step: 2 });
    });
  },
});
