/**
 * OCPP 1.6 TC_042_1_CS — Get Local List Version (not supported). OCTT 1.6 document §2.17.1; OCPP
 * 1.6 §5.10: a charge point without a (usable) Local Authorization List answers listVersion -1.
 * The document also allows a CALLERROR NotSupported.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { disableLocalListIfImplemented, send } from './local-list.js';

export default defineTestCase({
  id: 'TC_042_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Get Local List Version (not supported)',
  useCases: ['Get Local List Version'],
  requirements: ['OCPP 1.6 §5.10', 'OCPP 1.6 §9.2.1'],
  // Prerequisite: the profile is not supported, or LocalAuthListEnabled may be set to false: every charge point.
  certification: [
    { profile: 'Core', need: 'C' },
    { profile: 'Local Auth List Management', need: 'M' },
  ],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'GetLocalListVersion.conf listVersion -1, or CALLERROR NotSupported' }],
  detects: ['local-list-version-when-disabled'],
  async run(ctx) {
    await disableLocalListIfImplemented(ctx);
    await ctx.step('1-2. GetLocalListVersion.req: listVersion -1 (or CALLERROR NotSupported)', async () => {
      const answer = await send(ctx, 'GetLocalListVersion', {});
      const ok = answer.payload?.['listVersion'] === -1 || answer.errorCode === 'NotSupported';
      ctx.check('the charge point says it has no local list (listVersion -1 or CALLERROR NotSupported)', ok, { expected: 'listVersion -1 or CALLERROR NotSupported', actual: answer.words, frames: answer.frames, step: 2 });
    });
  },
});
