/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_08_CS — with a list installed at the configured version,
 * GetLocalListVersion reports that version (Part 2 D02.FR.01).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, expectListVersion, listEnabled } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Get Local List Version - Success',
  useCases: ['D02'],
  requirements: ['D02.FR.01'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetLocalListVersionResponse versionNumber is the configured versionNumber' },
  ],
  detects: ['local-list-version-zero'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version });
    await ctx.step(`Steps 1-2: GetLocalListVersion reports ${version}`, () => expectListVersion(ctx, version, 2));
    await emptyListAfter(ctx);
  },
});
