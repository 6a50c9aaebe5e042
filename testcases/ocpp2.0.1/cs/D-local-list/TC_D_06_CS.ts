/**
 * OCPP 2.0.1 Part 6 §2.5, TC_D_06_CS — with the list at the configured version, a Differential
 * SendLocalList one version lower is VersionMismatch (Part 2 D01.FR.19) and changes nothing:
 * GetLocalListVersion still reports the configured version.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { configuredVersion, emptyListAfter, entry, expectListVersion, listEnabled, sendLocalList, validToken2 } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'D',
  title: 'Send Local Authorization List - VersionMismatch',
  useCases: ['D01'],
  requirements: ['D01.FR.19'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SendLocalListResponse status VersionMismatch' },
    { step: 4, checks: 'GetLocalListVersionResponse versionNumber is the configured versionNumber' },
  ],
  detects: ['local-list-no-version-mismatch'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [listEnabled]);
    const version = configuredVersion(ctx);
    await ctx.state('IdTokenLocalAuthList', { versionNumber: version });
    await ctx.step(`Steps 1-2: SendLocalList Differential with version ${version - 1}, VersionMismatch`, () =>
      sendLocalList(ctx, { versionNumber: version - 1, updateType: 'Differential', localAuthorizationList: [entry(validToken2(ctx), 'Accepted')] }, 'VersionMismatch', 2),
    );
    await ctx.step(`Steps 3-4: GetLocalListVersion still reports ${version}`, () => expectListVersion(ctx, version, 4));
    await emptyListAfter(ctx);
  },
});
