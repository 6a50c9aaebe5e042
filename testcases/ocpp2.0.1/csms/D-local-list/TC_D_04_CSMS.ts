/**
 * OCPP 2.0.1 Part 6 §3.5, TC_D_04_CSMS — asked to clear the list, the CSMS sends a Full
 * SendLocalList without AuthorizationData (localAuthorizationList absent or empty).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { actAsListHolder, checkUpdateType, entriesOf, triggeredSendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Send Local Authorization List - Full with empy list',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SendLocalListRequest updateType Full, localAuthorizationList empty' },
  ],
  detects: ['local-list-clear-sends-tokens', 'ignores-trigger'],
  async run(ctx) {
    actAsListHolder(ctx);
    await ctx.step('Steps 1-2: the CSMS sends a Full SendLocalListRequest without entries', async () => {
      const call = await triggeredSendLocalList(ctx, { updateType: 'Full', localAuthorizationList: [] });
      checkUpdateType(ctx, call, 'Full', 1);
      const n = entriesOf(call).length;
      ctx.check('SendLocalListRequest localAuthorizationList is empty', n === 0, { expected: 'absent or no AuthorizationData', actual: `${n} entries`, frames: framesOf(call), step: 1 });
    });
  },
});
