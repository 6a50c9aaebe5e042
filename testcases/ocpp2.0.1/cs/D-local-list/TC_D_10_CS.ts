/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_10_CS — with LocalAuthListCtrlr.Enabled false, GetLocalListVersion
 * answers 0 (Part 2 D02.FR.03). A list is installed first (not an official step) so a station that
 * reports its stored version while disabled cannot pass by having none.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, expectListVersion, listEnabled } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Get Local List Version - Function disabled',
  useCases: ['D02'],
  requirements: ['D02.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetLocalListVersionResponse versionNumber 0' },
  ],
  detects: ['local-list-version-when-disabled'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: a list at the configured version while enabled (not an official step)', async () => {
      await configure(ctx, [listEnabled]);
      await ctx.call('SendLocalList', { versionNumber: configuredVersion(ctx), updateType: 'Full' });
    });
    await configure(ctx, [{ ...listEnabled, value: 'false' }]);
    await ctx.step('Steps 1-2: GetLocalListVersion reports 0', () => expectListVersion(ctx, 0, 2));
  },
});
