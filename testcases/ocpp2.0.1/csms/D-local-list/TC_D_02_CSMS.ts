/**
 * OCPP 2.0.1 Part 6 §3.5, TC_D_02_CSMS — asked for a Differential update with idTokens, the CSMS
 * sends a Differential SendLocalList with a versionNumber above the one the station holds and at
 * least one AuthorizationData. It may ask GetLocalListVersion first (steps 1-2); the harness
 * station answers with the version it really holds (Part 6 prints 1, for a station it configured
 * with a list of version 1; ours holds what the CSMS installed earlier in the run, else nothing).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { actAsListHolder, checkUpdateType, checkVersionAbove, entriesOf, heldVersion, triggeredSendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Send Local Authorization List - Differential Update',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SendLocalListRequest updateType Differential, versionNumber above the held one, localAuthorizationList not empty' },
  ],
  detects: ['local-list-differential-stale-version', 'ignores-trigger'],
  async run(ctx) {
    const floor = heldVersion(ctx);
    actAsListHolder(ctx);
    await ctx.step('Steps 1-4: the CSMS sends a Differential SendLocalListRequest with idTokens', async () => {
      const call = await triggeredSendLocalList(ctx, { updateType: 'Differential' });
      checkUpdateType(ctx, call, 'Differential', 1);
      checkVersionAbove(ctx, call, floor, 'the version the station holds', 1);
      const n = entriesOf(call).length;
      ctx.check('SendLocalListRequest localAuthorizationList is not empty', n > 0, { expected: 'at least one AuthorizationData', actual: `${n} entries`, frames: framesOf(call), step: 1 });
    });
  },
});
