/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_07_CS — the local list is kept in non-volatile memory (Part 2
 * D01.FR.10): after the list is installed and the station rebooted (reusable state Booted),
 * GetLocalListVersion still reports the configured version.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, expectListVersion, listEnabled } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - Persistent over reboot',
  useCases: ['D01'],
  requirements: ['D01.FR.10'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetLocalListVersionResponse versionNumber is the configured versionNumber after the reboot' },
  ],
  detects: ['local-list-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version });
    await ctx.state('Booted');
    await ctx.step(`Steps 1-2: GetLocalListVersion after the reboot reports ${version}`, () => expectListVersion(ctx, version, 2));
    await emptyListAfter(ctx);
  },
});
