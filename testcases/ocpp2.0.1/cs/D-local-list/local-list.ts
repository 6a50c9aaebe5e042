/**
 * What the block D cases (SUT = charging station) share: the OCTT "Configured versionNumber", the
 * Part 6 configuration state "LocalAuthListEnabled is true (If implemented)", SendLocalList /
 * GetLocalListVersion with the answer checked against one official step, and the clean-up that
 * empties the list again so the idTokens a case installed do not decide later cases.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import type { Setting } from '../_shared/case-support.js';
import { obj, str } from '../_shared/journal.js';

export const listEnabled: Setting = { component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true };

/** <Configured versionNumber> (Part 6 asks > 0, TC_D_06_CS > 1): `extra.localListVersionNumber`, default 5. */
export function configuredVersion(ctx: TestContext): number {
  const v = Number(ctx.config.extra['localListVersionNumber']);
  return Number.isInteger(v) && v > 1 ? v : 5;
}

/** <Configured valid_idtoken_idtoken2 / type2>: `extra.validIdToken2`, else the second valid idToken of the group, else an ISO14443 UID. */
export function validToken2(ctx: TestContext): { idToken: string; type: string } {
  const given = obj(ctx.config.extra['validIdToken2']);
  const id = str(given?.['idToken']);
  if (id !== undefined) return { idToken: id, type: str(given?.['type']) ?? 'ISO14443' };
  const same = ctx.config.idTokens.validSameGroup;
  return same ? { idToken: same.idToken, type: same.type } : { idToken: '04A1B2C3D4E5F8', type: 'ISO14443' };
}

/** SendLocalList; the response status is the tool validation of `step`. */
export async function sendLocalList(ctx: TestContext, payload: JsonObject, expected: string, step: number): Promise<void> {
  const out = await ctx.call('SendLocalList', payload);
  const actual = out.status === 'result' ? out.payload['status'] : out.status === 'error' ? `CALLERROR ${out.errorCode}` : out.status;
  ctx.check('SendLocalListResponse status', actual === expected, { expected, actual: actual ?? 'absent', frames: framesOfMessage(ctx, out.messageId), step });
}

/** GetLocalListVersion; its versionNumber is the tool validation of `step`. */
export async function expectListVersion(ctx: TestContext, expected: number, step: number): Promise<void> {
  const out = await ctx.call('GetLocalListVersion', {});
  const actual = out.status === 'result' ? out.payload['versionNumber'] : out.status === 'error' ? `CALLERROR ${out.errorCode}` : out.status;
  ctx.check('GetLocalListVersionResponse versionNumber', actual === expected, { expected, actual: actual ?? 'absent', frames: framesOfMessage(ctx, out.messageId), step });
}

/** The frames of one CALL and its answer. */
export function framesOfMessage(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** An AuthorizationData element for the local list. */
export function entry(token: { idToken: string; type: string }, status: string, groupId?: string): JsonObject {
  return { idToken: { idToken: token.idToken, type: token.type }, idTokenInfo: { status, ...(groupId === undefined ? {} : { groupIdToken: { idToken: groupId, type: 'Central' } }) } };
}

/**
 * Not an official step: a Full update without entries, at the version the station reports now, so
 * the list holds no idToken of this case afterwards (no verdict; a disabled list just says Failed).
 */
export async function emptyListAfter(ctx: TestContext): Promise<void> {
  await ctx.step('After: empty the local list again (not an official step)', async () => {
    const got = await ctx.call('GetLocalListVersion', {});
    const version = got.status === 'result' && typeof got.payload['versionNumber'] === 'number' ? got.payload['versionNumber'] : 0;
    await ctx.call('SendLocalList', { versionNumber: Math.max(1, version), updateType: 'Full' });
  });
}
