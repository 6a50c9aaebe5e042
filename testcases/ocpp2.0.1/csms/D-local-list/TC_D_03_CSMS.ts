/**
 * OCPP 2.0.1 Part 6 §3.5, TC_D_03_CSMS — asked to remove the configured valid idToken from the
 * list, the CSMS sends a Differential SendLocalList with a higher versionNumber whose
 * AuthorizationData carry no idTokenInfo (Part 2 D01.FR.17: that is how an entry is removed).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { actAsListHolder, checkUpdateType, checkVersionAbove, entriesOf, heldVersion, triggeredSendLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_D_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'D',
  title: 'Send Local Authorization List - Differential Remove',
  useCases: ['D01'],
  requirements: ['D01.FR.01', 'D01.FR.06', 'D01.FR.18', 'D01.FR.17'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SendLocalListRequest updateType Differential, versionNumber above the held one, AuthorizationData without idTokenInfo' },
  ],
  detects: ['local-list-remove-keeps-info', 'ignores-trigger'],
  async run(ctx) {
    const floor = heldVersion(ctx);
    actAsListHolder(ctx);
    await ctx.step('Steps 1-2: the CSMS sends a Differential SendLocalListRequest removing the valid idToken', async () => {
      const call = await triggeredSendLocalList(ctx, { updateType: 'Differential', remove: [ctx.config.idTokens.valid.idToken] });
      checkUpdateType(ctx, call, 'Differential', 1);
      checkVersionAbove(ctx, call, floor, 'the version the station holds', 1);
      const entries = entriesOf(call);
      ctx.check('SendLocalListRequest AuthorizationData elements without idTokenInfo', entries.length > 0 && entries.every((e) => e['idTokenInfo'] === undefined), {
        expected: 'one or more AuthorizationData, none with idTokenInfo',
        actual: entries.length === 0 ? 'no localAuthorizationList' : `${entries.filter((e) => e['idTokenInfo'] !== undefined).length} of ${entries.length} with idTokenInfo`,
        frames: framesOf(call),
        step: 1,
      });
    });
  },
});
