/**
 * OCPP 1.6 TC_043_4_CSMS — Send Local Authorization List - Full. OCTT 1.6 document §3.14.2; OCPP
 * 1.6 §3.5.2, §5.15, §7.3 AuthorizationData: the operator makes the Central System send its full
 * list; a Full list that replaces the Charge Point's list gives every idTag its idTagInfo.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';
import { checkEntries } from './exchange.js';

export default defineTestCase({
  id: 'TC_043_4_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - Full',
  useCases: ['Send Local List'],
  requirements: ['OCPP 1.6 §3.5.2', 'OCPP 1.6 §5.15', 'OCPP 1.6 §7.3'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'SendLocalList.req updateType Full, every localAuthorizationList entry with an idTagInfo' },
    { step: 2, checks: 'the harness answers status Accepted' },
  ],
  detects: ['local-list-wrong-update-type', 'local-list-entries-without-idtaginfo'],
  async run(ctx) {
    await ctx.step('1-2. SendLocalList.req Full with idTagInfo in every entry, answered Accepted', async () => {
      const call = await triggeredCall(ctx, { action: 'SendLocalList', trigger: 'triggerSendLocalList', params: { updateType: 'Full' }, answer: () => ({ status: 'Accepted' }), step: 1 });
      ctx.check('SendLocalList.req updateType is Full', call.payload['updateType'] === 'Full', { expected: 'Full', actual: call.payload['updateType'] ?? 'absent', frames: call.frames, step: 1 });
      checkEntries(ctx, call.payload, call.frames, 1);
      ctx.check('the harness answered status Accepted', call.reply['status'] === 'Accepted', { expected: 'Accepted', actual: call.reply, frames: call.frames, step: 2 });
    });
  },
});
