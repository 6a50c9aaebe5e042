/**
 * OCPP 2.0.1 Part 6 §3.5 (D Local Authorization List Management), TC_D_01_CSMS — asked to install
 * its idTokens, the CSMS sends a Full SendLocalList with a versionNumber above 0 and at least one
 * AuthorizationData (Part 2 D01.FR.01, D01.FR.18). A GetLocalListVersion first is optional (steps
 * 1-2), answered with version 1 as the document does.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { actAsListHolder, checkUpdateType, checkVersionAbove, entriesOf, triggeredSendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Send Local Authorization List - Full',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SendLocalListRequest updateType Full, versionNumber > 0, localAuthorizationList not empty' },
  ],
  detects: ['local-list-full-without-tokens', 'ignores-trigger'],
  async run(ctx) {
    actAsListHolder(ctx, 1);
    await ctx.step('Steps 1-4: the CSMS sends a Full SendLocalListRequest with its idTokens', async () => {
      const call = await triggeredSendLocalList(ctx, { updateType: 'Full' });
      checkUpdateType(ctx, call, 'Full', 1);
      checkVersionAbove(ctx, call, 0, 'D01.FR.18', 1);
      const n = entriesOf(call).length;
      ctx.check('SendLocalListRequest localAuthorizationList is not empty', n > 0, { expected: 'at least one AuthorizationData', actual: `${n} entries`, frames: framesOf(call), step: 1 });
    });
  },
});
