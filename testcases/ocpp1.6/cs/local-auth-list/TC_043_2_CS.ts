/**
 * OCPP 1.6 TC_043_2_CS — Send Local Authorization List - VersionMismatch. OCTT 1.6 document
 * §2.17.2; OCPP 1.6 §5.15 (the version is the one the charge point associates with its list after
 * the update), §7.42 VersionMismatch: a Differential update older than the installed list is
 * refused and leaves the version as it was.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { enableLocalList, entry, send, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_043_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - VersionMismatch',
  useCases: ['Send Local List', 'Get Local List Version'],
  requirements: ['OCPP 1.6 §5.10', 'OCPP 1.6 §5.15', 'OCPP 1.6 §7.42'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'SendLocalList.conf (Full, version 2) status Accepted' },
    { step: 4, checks: 'GetLocalListVersion.conf listVersion 2' },
    { step: 6, checks: 'SendLocalList.conf (Differential, version 5) status Accepted' },
    { step: 8, checks: 'GetLocalListVersion.conf listVersion 5' },
    { step: 10, checks: 'SendLocalList.conf (Differential, version 4) status VersionMismatch' },
    { step: 12, checks: 'GetLocalListVersion.conf listVersion still 5' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_043_2_CS step 1 validates an own message of the Central System (SendLocalList.req Full, listVersion 2); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_043_2_CS step 5 validates an own message of the Central System (SendLocalList.req Differential, listVersion 5); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 9, reason: 'OCTT 1.6 document TC_043_2_CS step 9 validates an own message of the Central System (SendLocalList.req Differential, listVersion 4); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-no-version-check'],
  async run(ctx) {
    const { valid, blocked, expired } = ctx.config.idTokens;
    // Every update carries an entry: an empty list would be reported as version 0 (§5.10).
    const update = async (n: number, listVersion: number, updateType: string, idTag: string, status: string, expected: string): Promise<void> => {
      await ctx.step(`${n}-${n + 1}. SendLocalList.req ${updateType}, version ${listVersion}: ${expected}`, async () => {
        const answer = await sendLocalList(ctx, { listVersion, updateType, localAuthorizationList: [entry(idTag, status)] });
        ctx.check(`SendLocalList.conf status is ${expected}`, answer.payload?.['status'] === expected, { expected, actual: answer.words, frames: answer.frames, step: n + 1 });
      });
    };
    const version = async (n: number, expected: number): Promise<void> => {
      await ctx.step(`${n}-${n + 1}. GetLocalListVersion.req: listVersion ${expected}`, async () => {
        const answer = await send(ctx, 'GetLocalListVersion', {});
        ctx.check(`GetLocalListVersion.conf listVersion is ${expected}`, answer.payload?.['listVersion'] === expected, { expected, actual: answer.words, frames: answer.frames, step: n + 1 });
      });
    };
    await enableLocalList(ctx);
    await thenNoLocalList(ctx, async () => {
      await update(1, 2, 'Full', valid.idToken, 'Accepted', 'Accepted');
      await version(3, 2);
      await update(5, 5, 'Differential', blocked.idToken, 'Blocked', 'Accepted');
      await version(7, 5);
      await update(9, 4, 'Differential', expired.idToken, 'Expired', 'VersionMismatch');
      await version(11, 5);
    });
  },
});
