/**
 * OCPP 1.6 TC_043_1_CS — Send Local Authorization List - NotSupported. OCTT 1.6 document §2.17.2;
 * OCPP 1.6 §5.15, §7.42 UpdateStatus NotSupported ("Update of Local Authorization List is not
 * supported by Charge Point"); the document also allows a CALLERROR NotSupported.
 *
 * The prerequisite is a charge point without the Local Auth List Management profile (the PICS
 * condition). Run without a PICS against one that has the profile, the case makes its list unusable
 * the way TC_042_1_CS's prerequisite allows (LocalAuthListEnabled false) before it sends the list.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { disableLocalListIfImplemented, entry, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_043_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Send Local Authorization List - NotSupported',
  useCases: ['Send Local List'],
  requirements: ['OCPP 1.6 §5.15', 'OCPP 1.6 §7.42'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { not: { item: 'FP-LocalAuthListManagement' } },
  states: ['Booted'],
  validations: [{ step: 2, checks: 'SendLocalList.conf status NotSupported, or CALLERROR NotSupported' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_043_1_CS step 1 validates an own message of the Central System (SendLocalList.req updateType Full); the harness plays the Central System and sends it so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-update-when-disabled'],
  async run(ctx) {
    await disableLocalListIfImplemented(ctx);
    await thenNoLocalList(ctx, async () => {
      await ctx.step('1-2. SendLocalList.req Full: NotSupported (or CALLERROR NotSupported)', async () => {
        const answer = await sendLocalList(ctx, { listVersion: 1, updateType: 'Full', localAuthorizationList: [entry(ctx.config.idTokens.valid.idToken, 'Accepted')] });
        const ok = answer.payload?.['status'] === 'NotSupported' || answer.errorCode === 'NotSupported';
        ctx.check('the charge point refuses the list as not supported', ok, { expected: 'status NotSupported or CALLERROR NotSupported', actual: answer.words, frames: answer.frames, step: 2 });
      });
    });
  },
});
