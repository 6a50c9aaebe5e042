/**
 * OCPP 1.6 TC_043_3_CS — Send Local Authorization List - Failed. OCTT 1.6 document §2.17.2; OCPP
 * 1.6 §5.15, §7.42 UpdateStatus Failed: a charge point that cannot store the list says so.
 *
 * The prerequisite ("a state in which it will fail to set a Local List") is brought about through
 * the DUT adapter (failLocalListUpdate: a person, a hook or the simulator), and undone after it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { enableLocalList, entry, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_043_3_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - Failed',
  useCases: ['Send Local List'],
  requirements: ['OCPP 1.6 §5.15', 'OCPP 1.6 §7.42'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'SendLocalList.conf status Failed' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_043_3_CS step 1 validates an own message of the Central System (SendLocalList.req updateType Full, listVersion 2); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-failure-hidden'],
  async run(ctx) {
    await enableLocalList(ctx);
    await ctx.step('Before: the charge point is in a state in which it fails to store a local list', async () => {
      await ctx.dut('failLocalListUpdate', { on: true });
    });
    await thenNoLocalList(ctx, async () => {
      try {
        await ctx.step('1-2. SendLocalList.req Full, version 2: Failed', async () => {
          const answer = await sendLocalList(ctx, { listVersion: 2, updateType: 'Full', localAuthorizationList: [entry(ctx.config.idTokens.valid.idToken, 'Accepted')] });
          ctx.check('SendLocalList.conf status is Failed', answer.payload?.['status'] === 'Failed', { expected: 'Failed', actual: answer.words, frames: answer.frames, step: 2 });
        });
      } finally {
        // Out of the failing state first, so the clean-up of the list can work.
        await ctx.dut('failLocalListUpdate', { on: false }).catch(() => undefined);
      }
    });
  },
});
