/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_40_CS — GroupId through the Local Authorization
 * List (Part 2 C09.FR.02/03/07): two valid idTokens of the configured GroupId are listed; the first
 * starts the session, the second (same group) stops it. Step 4's TransactionEvent carries the idToken
 * that stopped it: Part 6 prints <valid_idtoken>, the second token presented is valid_idtoken2, so
 * either is accepted. eventType Updated, or Ended where TxStopPoint ends the transaction right there.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { txSettings } from '../_shared/expect.js';
import { frames, obj, sessionOf } from '../_shared/journal.js';
import { emptyListAfter } from './local-list-auth.js';
import { groupSessionStarted } from './group-local-list.js';
import { validToken2 } from '../D-local-list/local-list.js';

export default defineTestCase({
  id: 'TC_C_40_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Success with Local Authorization List',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 1, checks: 'TransactionEventRequest triggerReason Authorized, the valid idToken, eventType Started (Updated when running)' },
    { step: 4, checks: 'TransactionEventRequest triggerReason StopAuthorized with an idToken of the group, eventType Updated (Ended with a TxStopPoint that ends it)' },
  ],
  detects: ['local-list-drops-group'],
  async run(ctx) {
    await ready(ctx);
    const valid = ctx.config.idTokens.valid;
    const second = validToken2(ctx);
    await groupSessionStarted(ctx, second, 'Accepted');
    await ctx.step('Manual action and step 4: present the second idToken of the group, StopAuthorized', async () => {
      const settings = await txSettings(ctx);
      const from = journalMark(ctx);
      await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: second.idToken, type: second.type });
      let te = await ctx.expectCall('TransactionEvent', { from, describe: 'a TransactionEvent with triggerReason StopAuthorized', step: 4 });
      // Meter values or a charging-state change may come first; the stop is the first StopAuthorized one.
      while (te.payload['triggerReason'] !== 'StopAuthorized' && te.payload['eventType'] !== 'Ended') te = await ctx.expectCall('TransactionEvent', { describe: 'a TransactionEvent with triggerReason StopAuthorized', step: 4 });
      ctx.check('TransactionEventRequest triggerReason', te.payload['triggerReason'] === 'StopAuthorized', { expected: 'StopAuthorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(te), step: 4 });
      const got = obj(te.payload['idToken']);
      const ok = [valid, second].some((t) => got?.['idToken'] === t.idToken && got['type'] === t.type);
      ctx.check('TransactionEventRequest idToken', ok, { expected: `${valid.idToken} or ${second.idToken} (${second.type})`, actual: got ?? 'absent', frames: frames(te), step: 4 });
      const endsHere = settings.stopPoints.some((p) => p === 'Authorized' || p === 'PowerPathClosed' || p === 'EnergyTransfer');
      const allowed = endsHere ? ['Updated', 'Ended'] : ['Updated'];
      ctx.check('TransactionEventRequest eventType', allowed.includes(String(te.payload['eventType'])), { expected: allowed.join(' or '), actual: te.payload['eventType'] ?? 'absent', frames: frames(te), step: 4 });
      const s = sessionOf(ctx, ctx.config.evseId);
      s.stopAuthorized = true;
      s.stopFrom = te.index;
      s.txEnded = te.payload['eventType'] === 'Ended';
      // Not an official validation: with a stop point the authorization reaches, the Ended event follows (Part 6 StopAuthorized state).
      while (!s.txEnded && endsHere) s.txEnded = (await ctx.expectCall('TransactionEvent', { describe: 'the TransactionEvents up to the one that ends the stopped transaction' })).payload['eventType'] === 'Ended';
    });
    await ctx.step('Steps 5-7: EVConnectedPostSession, EVDisconnected, ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
    await emptyListAfter(ctx);
  },
});
