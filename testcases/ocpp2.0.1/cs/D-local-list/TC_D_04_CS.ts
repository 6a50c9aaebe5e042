/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_04_CS — with the valid idToken in the list, a Full SendLocalList
 * without localAuthorizationList empties it (Part 2 D01.FR.04) and is Accepted; GetLocalListVersion
 * reports the configured version (an empty list still has its version).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, expectListVersion, listEnabled, sendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - Full with empy list',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.04'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SendLocalListResponse status Accepted' },
    { step: 4, checks: 'GetLocalListVersionResponse versionNumber is the configured versionNumber' },
  ],
  detects: ['local-list-rejects-empty-full'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    // The memory state one version below, so the Full update of step 1 really is a new version.
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version - 1 });
    await ctx.step('Steps 1-2: SendLocalList Full without entries, Accepted', () => sendLocalList(ctx, { versionNumber: version, updateType: 'Full' }, 'Accepted', 2));
    await ctx.step(`Steps 3-4: GetLocalListVersion reports ${version}`, () => expectListVersion(ctx, version, 4));
  },
});
