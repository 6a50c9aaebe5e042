/**
 * The flow of Part 6 TC_C_47/48/49_CS (C16 Stop Transaction with a Master Pass): transactions on
 * every EVSE (the valid idToken on the first, idToken2 on a second), the master pass presented and
 * answered Accepted with the MasterPassGroupId (step 2), then — with a user interface (C-07) —
 * the user's selection, and the selected transactions stop with stoppedReason MasterPass (step 3),
 * each EVSE going through EVConnectedPostSession, EVDisconnected, ParkingBayUnoccupied (steps 5-7).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { callsIn, obj, sessionOf } from '../_shared/journal.js';
import { answerTokens, checkToken, expectMasterPassStop, infoWithGroup, masterPassGroupId, masterPassSetting, present, sessionStopped, tokenOf } from './auth-support.js';

/** No UI (C_49: everything stops at once), UI with "stop all" (C_47), UI with "stop EVSE 1" (C_48). */
export type MasterPassSelection = 'none' | 'all' | 'first';

export async function masterPassStop(ctx: TestContext, selection: MasterPassSelection): Promise<void> {
  await ready(ctx);
  const master = tokenOf(ctx, 'masterPass');
  await configure(ctx, [masterPassSetting(ctx)]);
  answerTokens(ctx, { [master.idToken]: infoWithGroup(ctx, 'Accepted', masterPassGroupId(ctx)) });
  // EVSE 1 with the valid idToken, EVSE 2 (when there is one) with the valid idToken2.
  const evseIds = ctx.config.numberOfEvses > 1 ? [ctx.config.evseId, ctx.config.evseId === 1 ? 2 : 1] : [ctx.config.evseId];
  const tokens = [tokenOf(ctx, 'valid'), ...(evseIds.length > 1 ? [tokenOf(ctx, 'validSameGroup')] : [])];
  for (const [i, evseId] of evseIds.entries()) {
    await ctx.step(`Before: EnergyTransferStarted on EVSE ${evseId}`, () => ctx.state('EnergyTransferStarted', { evseId, connectorId: 1, idToken: tokens[i] }));
  }
  let from = 0;
  await ctx.step('Steps 1-2: present the master pass; AuthorizeRequest answered Accepted with the MasterPassGroupId', async () => {
    from = await present(ctx, master);
    const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: 'an AuthorizeRequest for the master pass' });
    checkToken(ctx, auth, master, 'AuthorizeRequest', 1);
  });
  const stopping = selection === 'first' ? [ctx.config.evseId] : evseIds;
  if (selection !== 'none') {
    await ctx.step(selection === 'all' ? 'Manual action: select to stop all transactions' : `Manual action: select to stop the transaction on EVSE ${ctx.config.evseId}`, () =>
      ctx.dut('selectMasterPassStop', selection === 'all' ? { all: true } : { evseId: ctx.config.evseId }),
    );
  }
  await ctx.step(`Steps 3-4: the ${selection === 'first' ? 'selected transaction stops' : 'transactions stop'} for the master pass`, async () => {
    for (const evseId of stopping) {
      const transactionId = sessionOf(ctx, evseId).transactionId;
      if (!transactionId) return ctx.fail(`EVSE ${evseId}: EnergyTransferStarted reported no transactionId`);
      await expectMasterPassStop(ctx, from, transactionId, master, 3);
      await sessionStopped(ctx, evseId, from, { postSession: false });
    }
  });
  if (selection === 'first') {
    // Part 6 TC_C_48_CS post scenario: every other EVSE still transfers energy (none when the station has one EVSE).
    await ctx.step('Post scenario: the transactions of the other EVSEs still transfer energy', async () => {
      for (const evseId of evseIds.filter((id) => !stopping.includes(id))) {
        const transactionId = sessionOf(ctx, evseId).transactionId;
        const events = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from && obj(e.payload['transactionInfo'])?.['transactionId'] === transactionId);
        const stopped = events.find((e) => e.payload['eventType'] === 'Ended' || e.payload['triggerReason'] === 'StopAuthorized' || (obj(e.payload['transactionInfo'])?.['chargingState'] ?? 'Charging') !== 'Charging');
        ctx.check(`EVSE ${evseId}: transaction ${String(transactionId)} goes on Charging`, transactionId !== undefined && stopped === undefined, {
          expected: 'no stop and no chargingState other than Charging after the master pass',
          actual: stopped ? JSON.stringify(obj(stopped.payload['transactionInfo'])) : transactionId === undefined ? 'no transaction' : 'still Charging',
          ...(stopped?.frameSeq === undefined ? {} : { frames: [stopped.frameSeq] }),
        });
      }
    });
  }
  for (const evseId of stopping) {
    const p = { evseId, connectorId: 1 };
    await ctx.step(`Step 5: EVConnectedPostSession on EVSE ${evseId}`, () => ctx.state('EVConnectedPostSession', p));
    await ctx.step(`Step 6: EVDisconnected on EVSE ${evseId}`, () => ctx.state('EVDisconnected', p));
    await ctx.step(`Step 7: ParkingBayUnoccupied on EVSE ${evseId}`, () => ctx.state('ParkingBayUnoccupied', p));
  }
}
