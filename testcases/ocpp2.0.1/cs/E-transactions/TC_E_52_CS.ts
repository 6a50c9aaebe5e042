/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_52_CS — Local start transaction, authorization
 * first, DisableRemoteAuthorization. With AuthCtrlr.DisableRemoteAuthorization true and the idToken
 * in neither the Authorization Cache nor the Local Authorization List, the station does not ask the
 * CSMS (no AuthorizeRequest) and refuses the idToken: no transaction is authorized with it (Part 2
 * C01.FR.02 / C01.FR.05 overruled by DisableRemoteAuthorization).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, getVariable, journalMark, ready } from '../_shared/case-support.js';
import { type CallInEntry, callsIn, frames, obj } from '../_shared/journal.js';
import { observed } from './offline-queue.js';

export default defineTestCase({
  id: 'TC_E_52_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local start transaction - Authorization first - DisableRemoteAuthorization',
  useCases: ['E03', 'C01'],
  requirements: ['C01.FR.02', 'C01.FR.05'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-58 and (C-30 or C-31 or C-32) and (C-49 or Local Authorization List Management); the profile alternative is no PICS item.
  applies: { all: [{ item: 'C-58' }, { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] }, { item: 'C-49' }] },
  validations: [{ step: 1, checks: 'no AuthorizeRequest for the presented idToken, and no transaction authorized with it' }],
  detects: ['ignores-disable-remote-authorization'],
  async run(ctx) {
    await ready(ctx);
    // Prerequisite: "AuthCtrlr.DisableRemoteAuthorization is implemented".
    if ((await getVariable(ctx, { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization' })) === undefined) ctx.inconclusive('AuthCtrlr.DisableRemoteAuthorization is not implemented (Part 6 prerequisite of TC_E_52_CS)');
    await configure(ctx, [
      { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'true' },
    ]);
    await ctx.step('Memory state: no configured valid idToken in the Authorization Cache or the Local Authorization List', async () => {
      if ((await getVariable(ctx, { component: 'AuthCacheCtrlr', variable: 'Enabled' })) !== undefined) await ctx.call('ClearCache', {});
      if ((await getVariable(ctx, { component: 'LocalAuthListCtrlr', variable: 'Enabled' })) === 'true') {
        const got = await ctx.call('GetLocalListVersion', {});
        const version = got.status === 'result' && typeof got.payload['versionNumber'] === 'number' ? got.payload['versionNumber'] : 0;
        await ctx.call('SendLocalList', { versionNumber: version + 1, updateType: 'Full' });
      }
    });
    await ctx.step('Before: ParkingBayOccupied (optional)', () => ctx.state('ParkingBayOccupied'));
    const token = ctx.config.idTokens.valid;
    const from = journalMark(ctx);
    await ctx.step('Manual action: present an idToken neither list nor cache holds; step 1: no AuthorizeRequest', async () => {
      await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
      // The station may have asked while the presentation went on: the journal from before it counts too.
      const asked = (): CallInEntry[] => callsIn(ctx.journal(), 'Authorize').filter((e) => e.index >= from);
      const used = asked();
      if (used.length === 0) await ctx.expectNoCall('Authorize', { forMs: ctx.config.messageTimeoutMs, describe: 'an AuthorizeRequest', step: 1 });
      const all = asked();
      ctx.check('no AuthorizeRequest after the idToken was presented', all.length === 0, { expected: 'none', actual: `${all.length}`, frames: all.flatMap((e) => frames(observed(e))), step: 1 });
      // "… and authorization is refused": no TransactionEvent reports the idToken as authorizing a session.
      const reported = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from && obj(e.payload['idToken'])?.['idToken'] === token.idToken);
      ctx.check('no TransactionEvent carries the refused idToken', reported.length === 0, { expected: 'none', actual: `${reported.length}`, frames: reported.flatMap((e) => frames(observed(e))), step: 1 });
    });
  },
});
