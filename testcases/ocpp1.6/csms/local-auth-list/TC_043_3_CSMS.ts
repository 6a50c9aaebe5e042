/**
 * OCPP 1.6 TC_043_3_CSMS — Send Local Authorization List - Failed. OCTT 1.6 document §3.14.2; OCPP 1.6 §5.15, §7.42: the
 * operator makes the Central System send a full local list; the harness answers Failed and the
 * Central System must take it (the exchange completes without an error from the Central System).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_043_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - Failed',
  useCases: ['Send Local List'],
  requirements: ['OCPP 1.6 §5.15', 'OCPP 1.6 §7.42'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'SendLocalList.req updateType Full' },
    { step: 2, checks: 'the harness answers status Failed' },
  ],
  detects: ['local-list-wrong-update-type', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('1-2. SendLocalList.req Full, answered Failed', async () => {
      const call = await triggeredCall(ctx, { action: 'SendLocalList', trigger: 'triggerSendLocalList', params: { updateType: 'Full' }, answer: () => ({ status: 'Failed' }), step: 1 });
      ctx.check('SendLocalList.req updateType is Full', call.payload['updateType'] === 'Full', { expected: 'Full', actual: call.payload['updateType'] ?? 'absent', frames: call.frames, step: 1 });
      ctx.check('the harness answered status Failed', call.reply['status'] === 'Failed', { expected: 'Failed', actual: call.reply, frames: call.frames, step: 2 });
    });
  },
});
