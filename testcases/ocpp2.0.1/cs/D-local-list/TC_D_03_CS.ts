/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_03_CS — with the valid idToken in the list, a Differential
 * SendLocalList whose entry has no idTokenInfo removes it (Part 2 D01.FR.17) and is Accepted;
 * GetLocalListVersion then reports the new version. The document numbers the version check
 * "Step 3" although the response is step 4; we trace it as it is printed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, expectListVersion, listEnabled, sendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - Differential Remove',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.17'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SendLocalListResponse status Accepted' },
    { step: 3, checks: 'GetLocalListVersionResponse versionNumber equals the version of step 1 (printed as step 3)' },
  ],
  detects: ['local-list-differential-remove-fails'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    const valid = ctx.config.idTokens.valid;
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version });
    await ctx.step('Steps 1-2: SendLocalList Differential, the entry without idTokenInfo, Accepted', () =>
      sendLocalList(ctx, { versionNumber: version + 1, updateType: 'Differential', localAuthorizationList: [{ idToken: { idToken: valid.idToken, type: valid.type } }] }, 'Accepted', 2),
    );
    await ctx.step(`Steps 3-4: GetLocalListVersion reports ${version + 1}`, () => expectListVersion(ctx, version + 1, 3));
    await emptyListAfter(ctx);
  },
});
