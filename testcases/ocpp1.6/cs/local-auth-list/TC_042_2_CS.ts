/**
 * OCPP 1.6 TC_042_2_CS — Get Local List Version (empty). OCTT 1.6 document §2.17.1; OCPP 1.6
 * §5.10: "a version number of 0 (zero) SHALL be used to indicate that the local authorization list
 * is empty" — also after a Full update to version 1 that carries no entries.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { enableLocalList, send, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_042_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Get Local List Version (empty)',
  useCases: ['Send Local List', 'Get Local List Version'],
  requirements: ['OCPP 1.6 §5.10', 'OCPP 1.6 §5.15'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'SendLocalList.conf status Accepted' },
    { step: 4, checks: 'GetLocalListVersion.conf listVersion 0 (the list is empty)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_042_2_CS step 1 validates an own message of the Central System (SendLocalList.req listVersion 1, no localAuthorizationList, updateType Full); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-version-of-empty-list'],
  async run(ctx) {
    await enableLocalList(ctx);
    await thenNoLocalList(ctx, async () => {
      await ctx.step('1-2. SendLocalList.req Full, version 1, no entries: Accepted', async () => {
        const answer = await sendLocalList(ctx, { listVersion: 1, updateType: 'Full' });
        ctx.check('SendLocalList.conf status is Accepted', answer.payload?.['status'] === 'Accepted', { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 2 });
      });
      await ctx.step('3-4. GetLocalListVersion.req: listVersion 0 (empty list)', async () => {
        const answer = await send(ctx, 'GetLocalListVersion', {});
        ctx.check('GetLocalListVersion.conf listVersion is 0', answer.payload?.['listVersion'] === 0, { expected: 0, actual: answer.words, frames: answer.frames, step: 4 });
      });
    });
  },
});
