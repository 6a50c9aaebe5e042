/**
 * OCPP 1.6 TC_042_2_CSMS — Get Local List Version (empty). OCTT 1.6 document §3.14.1; OCPP 1.6 §5.10: the Central System
 * asks for the version of the local list (an empty request) and takes the answer 0
 * (the Charge Point has an empty list).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_042_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Local Authorization List',
  title: 'Get Local List Version (empty)',
  useCases: ['Get Local List Version'],
  requirements: ['OCPP 1.6 §5.10'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'GetLocalListVersion.req (no fields) answered with listVersion 0' }],
  detects: ['get-local-list-version-with-payload', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('1-2. GetLocalListVersion.req, answered listVersion 0', async () => {
      const call = await triggeredCall(ctx, { action: 'GetLocalListVersion', trigger: 'triggerGetLocalListVersion', answer: () => ({ listVersion: 0 }), step: 2 });
      const fields = Object.keys(call.payload);
      // 1.6 GetLocalListVersion.req has no fields (its schema allows none).
      ctx.check('GetLocalListVersion.req carries no fields', fields.length === 0, { expected: '{}', actual: JSON.stringify(call.payload), frames: call.frames, step: 2 });
      ctx.check('the harness answered listVersion 0', call.reply['listVersion'] === 0, { expected: 0, actual: call.reply, frames: call.frames, step: 2 });
    });
  },
});
