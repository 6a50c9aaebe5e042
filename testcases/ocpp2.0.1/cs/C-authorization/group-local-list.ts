/**
 * The start of TC_C_40_CS and TC_C_43_CS (Part 6 §2.4, C09 with the Local Authorization List): two
 * idTokens with the configured GroupId in the list, the EV connected, the valid one presented and
 * authorized from the list (step 1: TransactionEvent Authorized, Started or Updated), the harness
 * answering with the GroupId (step 2), and energy flowing (step 3).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { configure, journalMark } from '../_shared/case-support.js';
import { callsIn, obj } from '../_shared/journal.js';
import { configuredVersion, entry } from '../D-local-list/local-list.js';
import type { Token } from './local-list-auth.js';
import { listEnabled, preAuthorize, presentListedAccepted } from './local-list-auth.js';

export const groupInfo = (ctx: TestContext, status: string): JsonObject => ({ status, groupIdToken: { idToken: ctx.config.groupId, type: 'Central' } });

export async function groupSessionStarted(ctx: TestContext, second: Token, secondStatus: string, extra: Array<{ component: string; variable: string; value: string; ifImplemented?: boolean }> = []): Promise<void> {
  const valid = ctx.config.idTokens.valid;
  await configure(ctx, [listEnabled, preAuthorize, ...extra]);
  await ctx.state('IdTokenLocalAuthList', { idToken: valid, status: 'Accepted', groupId: ctx.config.groupId, versionNumber: configuredVersion(ctx), also: [entry(second, secondStatus, ctx.config.groupId)] });
  // Step 2: the OCTT answers the TransactionEvent that carries an idToken with Accepted and the GroupId.
  ctx.respond('TransactionEvent', (call) => (obj(call.payload['idToken']) === undefined ? {} : { idTokenInfo: groupInfo(ctx, 'Accepted') }));
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  const from = journalMark(ctx);
  await ctx.step('Manual action and steps 1-2: present the valid idToken of the group, authorized from the list', async () => {
    const running = callsIn(ctx.journal(), 'TransactionEvent').some((e) => e.payload['eventType'] !== 'Ended' && e.index < from);
    await presentListedAccepted(ctx, valid, 1);
    const te = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && obj(e.payload['idToken'])?.['idToken'] === valid.idToken);
    const expected = running ? 'Updated' : 'Started';
    ctx.check('TransactionEventRequest eventType', te?.payload['eventType'] === expected, { expected, actual: te?.payload['eventType'] ?? 'no TransactionEvent with the idToken', frames: te?.frameSeq === undefined ? [] : [te.frameSeq], step: 1 });
  });
  await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
}
