/**
 * OCPP 1.6 TC_043_5_CSMS — Send Local Authorization List - Differential. OCTT 1.6 document
 * §3.14.2; OCPP 1.6 §5.10, §5.15 (Figure 4): the Central System may first ask for the version of
 * the list (the document's steps 1-2 are optional: answered 0, no list installed), then sends a
 * Differential list whose entries all carry an idTagInfo.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';
import { checkEntries } from './exchange.js';

export default defineTestCase({
  id: 'TC_043_5_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - Differential',
  useCases: ['Get Local List Version', 'Send Local List'],
  requirements: ['OCPP 1.6 §5.10', 'OCPP 1.6 §5.15', 'OCPP 1.6 §7.3'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'SendLocalList.req updateType Differential, every localAuthorizationList entry with an idTagInfo' },
    { step: 4, checks: 'the harness answers status Accepted' },
  ],
  detects: ['local-list-wrong-update-type', 'local-list-entries-without-idtaginfo'],
  async run(ctx) {
    await ctx.step('(1-2.) 3-4. SendLocalList.req Differential with idTagInfo in every entry, answered Accepted', async () => {
      // General precondition (OCTT 1.6 §1.3): no installed list, so its version is 0.
      ctx.respond('GetLocalListVersion', () => ({ listVersion: 0 }));
      const call = await triggeredCall(ctx, { action: 'SendLocalList', trigger: 'triggerSendLocalList', params: { updateType: 'Differential' }, answer: () => ({ status: 'Accepted' }), step: 3 });
      ctx.check('SendLocalList.req updateType is Differential', call.payload['updateType'] === 'Differential', { expected: 'Differential', actual: call.payload['updateType'] ?? 'absent', frames: call.frames, step: 3 });
      checkEntries(ctx, call.payload, call.frames, 3);
      ctx.check('the harness answered status Accepted', call.reply['status'] === 'Accepted', { expected: 'Accepted', actual: call.reply, frames: call.frames, step: 4 });
    });
  },
});
