/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_05_CS — with the valid idToken in the list, a Differential
 * SendLocalList without entries changes only the version (Part 2 D01.FR.05) and is Accepted;
 * GetLocalListVersion reports the version just sent.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, expectListVersion, listEnabled, sendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - Differential with empty list',
  useCases: ['D01'],
  requirements: ['D01.FR.02', 'D01.FR.05'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SendLocalListResponse status Accepted' },
    { step: 4, checks: 'GetLocalListVersionResponse versionNumber equals the version of step 1' },
  ],
  detects: ['local-list-rejects-empty-differential'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version });
    await ctx.step('Steps 1-2: SendLocalList Differential without entries, Accepted', () => sendLocalList(ctx, { versionNumber: version + 1, updateType: 'Differential' }, 'Accepted', 2));
    await ctx.step(`Steps 3-4: GetLocalListVersion reports ${version + 1}`, () => expectListVersion(ctx, version + 1, 4));
    await emptyListAfter(ctx);
  },
});
