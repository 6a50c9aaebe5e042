/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_45_CS — Authorization by GroupId, Master pass, not
 * able to start a transaction: an idToken the CSMS accepts with the MasterPassGroupId as its group
 * is not for charging (Part 2 C16.FR.03): no transaction authorized, no energy once the EV is in.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, getVariable, ready } from '../_shared/case-support.js';
import { callsIn, obj } from '../_shared/journal.js';
import { answerTokens, checkToken, infoWithGroup, localStart, masterPassGroupId, masterPassSetting, present, tokenOf } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_45_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Master pass - Not able to start transaction + groupId',
  useCases: ['C09'],
  requirements: ['C16.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a local start option and a master pass (C-07 with a user interface, C-08 without).
  applies: { all: [localStart, { any: [{ item: 'C-07' }, { item: 'C-08' }] }] },
  // Part 6 names the valid idToken; the token presented is the configured master pass.
  validations: [{ step: 1, checks: 'AuthorizeRequest idToken is the configured master pass idToken' }],
  detects: ['master-pass-starts-tx'],
  async run(ctx) {
    await ready(ctx);
    const master = tokenOf(ctx, 'masterPass');
    // Part 6: TxStartPoint contains Authorized or PowerPathClosed, and neither ParkingBayOccupancy nor EVConnected.
    const points = ((await getVariable(ctx, { component: 'TxCtrlr', variable: 'TxStartPoint' })) ?? '').split(',').map((p) => p.trim());
    const fits = points.some((p) => p === 'Authorized' || p === 'PowerPathClosed') && !points.some((p) => p === 'ParkingBayOccupancy' || p === 'EVConnected');
    await configure(ctx, [...(fits ? [] : [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: 'PowerPathClosed' }]), masterPassSetting(ctx)]);
    answerTokens(ctx, { [master.idToken]: infoWithGroup(ctx, 'Accepted', masterPassGroupId(ctx)) });
    let from = 0;
    await ctx.step('Steps 1-2: present the master pass; AuthorizeRequest answered Accepted with the MasterPassGroupId', async () => {
      from = await present(ctx, master);
      const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: 'an AuthorizeRequest for the master pass' });
      checkToken(ctx, auth, master, 'AuthorizeRequest', 1);
    });
    await ctx.step('Step 3: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 4: no transaction for the master pass and no energy transfer', async () => {
      await ctx.sleep(ctx.config.messageTimeoutMs);
      const events = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from);
      const wrong = events.filter((e) => obj(e.payload['idToken'])?.['idToken'] === master.idToken || (obj(e.payload['transactionInfo'])?.['chargingState'] === 'Charging' && e.payload['triggerReason'] === 'ChargingStateChanged'));
      ctx.check('no TransactionEvent authorizing the master pass or reporting Charging (C16.FR.03)', wrong.length === 0, {
        expected: 'none',
        actual: wrong.length === 0 ? 'none' : wrong.map((e) => `${String(e.payload['eventType'])} ${String(e.payload['triggerReason'])}`).join(', '),
        frames: wrong.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
      });
    });
  },
});
