/** OCPP 2.0.1 Part 6 §2.19 memory state of block D (local authorization list management), SUT = charging station. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { num, targetOf } from '../_shared/journal.js';

/** Memory state IdTokenLocalAuthList: the valid idToken in a Full local list. */
async function idTokenLocalAuthList(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const versionNumber = num(params['versionNumber']) ?? 1;
  await ctx.callExpect(
    'SendLocalList',
    { versionNumber, updateType: 'Full', localAuthorizationList: [{ idToken: { ...t.idToken }, idTokenInfo: { status: 'Accepted' } }] },
    { match: { status: 'Accepted' } },
  );
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { IdTokenLocalAuthList: idTokenLocalAuthList } });
