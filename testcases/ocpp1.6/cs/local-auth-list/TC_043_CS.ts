/**
 * OCPP 1.6 TC_043_CS — Send Local Authorization List. OCTT 1.6 document §2.17.2; OCPP 1.6 §3.5.2,
 * §5.15: a Full list replaces the list, a Differential one (with a higher version) updates it;
 * both are Accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { enableLocalList, entry, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_043_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List',
  useCases: ['Send Local List'],
  requirements: ['OCPP 1.6 §3.5.2', 'OCPP 1.6 §5.15'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'SendLocalList.conf (Full) status Accepted' },
    { step: 4, checks: 'SendLocalList.conf (Differential) status Accepted' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_043_CS step 1 validates an own message of the Central System (SendLocalList.req updateType Full); the harness plays the Central System and sends it so: there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_043_CS step 3 validates an own message of the Central System (SendLocalList.req updateType Differential); the harness plays the Central System and sends it so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-differential-failed', 'local-list-entries-refused'],
  async run(ctx) {
    const { valid, blocked } = ctx.config.idTokens;
    await enableLocalList(ctx);
    await thenNoLocalList(ctx, async () => {
      await ctx.step('1-2. SendLocalList.req Full (the valid idTag Accepted): Accepted', async () => {
        const answer = await sendLocalList(ctx, { listVersion: 1, updateType: 'Full', localAuthorizationList: [entry(valid.idToken, 'Accepted')] });
        ctx.check('SendLocalList.conf status is Accepted', answer.payload?.['status'] === 'Accepted', { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 2 });
      });
      await ctx.step('3-4. SendLocalList.req Differential (adds the blocked idTag): Accepted', async () => {
        const answer = await sendLocalList(ctx, { listVersion: 2, updateType: 'Differential', localAuthorizationList: [entry(blocked.idToken, 'Blocked')] });
        ctx.check('SendLocalList.conf status is Accepted', answer.payload?.['status'] === 'Accepted', { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 4 });
      });
    });
  },
});
