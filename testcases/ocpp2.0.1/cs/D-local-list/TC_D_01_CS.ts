/**
 * OCPP 2.0.1 Part 6 §2.5 (D Local Authorization List Management), TC_D_01_CS — a Full
 * SendLocalList with the configured valid idToken replaces the list (Part 2 D01.FR.15) and is
 * answered Accepted (D01.FR.02); GetLocalListVersion then reports the version just sent.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, entry, expectListVersion, listEnabled, sendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - Full',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.15'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SendLocalListResponse status Accepted' },
    { step: 4, checks: 'GetLocalListVersionResponse versionNumber equals the version of step 1' },
  ],
  detects: ['local-list-stale-version'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    await ctx.step('Steps 1-2: SendLocalList Full with the valid idToken, Accepted', () =>
      sendLocalList(ctx, { versionNumber: version, updateType: 'Full', localAuthorizationList: [entry(ctx.config.idTokens.valid, 'Accepted')] }, 'Accepted', 2),
    );
    await ctx.step(`Steps 3-4: GetLocalListVersion reports ${version}`, () => expectListVersion(ctx, version, 4));
    await emptyListAfter(ctx);
  },
});
