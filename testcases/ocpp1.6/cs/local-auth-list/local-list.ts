/**
 * Helpers of the OCPP 1.6 Local Authorization List `_CS` cases (OCTT 1.6 document §2.17; OCPP 1.6
 * §3.5.2, §5.10, §5.15): the CALLs the harness (as Central System) sends with the frames of their
 * answers for the report, the LocalAuthListEnabled precondition, and the general post-condition
 * "Charge Point has no installed local authorization list" (OCTT 1.6 §1.3) put back after a case.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { getConfiguration, ledgerOf, setConfiguration } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';

/** What came back for one CALL of the harness, with the wire frames of request and answer. */
export interface Answer {
  /** The CALLRESULT payload, when the answer was one. */
  payload?: JsonObject;
  /** The CALLERROR code, when the answer was one. */
  errorCode?: string;
  /** In words, for the report (`status Accepted`, `CALLERROR NotSupported`, `no answer (timeout)` …). */
  words: string;
  frames: number[];
}

/** Send a CALL and describe its answer; a timeout or a closed socket is an answer too (judged by the caller). */
export async function send(ctx: TestContext, action: string, payload: JsonObject): Promise<Answer> {
  const out = await ctx.call(action, payload);
  const frames = ctx
    .journal()
    .filter((e) => (e.kind === 'callOut' || e.kind === 'resultIn' || e.kind === 'errorIn') && e.messageId === out.messageId)
    .flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []));
  if (out.status === 'result') return { payload: out.payload, words: JSON.stringify(out.payload), frames };
  if (out.status === 'error') return { errorCode: out.errorCode, words: `CALLERROR ${out.errorCode}`, frames };
  return { words: outcomeWords(out), frames };
}

/**
 * SendLocalList.req; a list with entries the charge point accepted is noted in the ledger, so the
 * general restore empties it should the case's own clean-up (thenNoLocalList) not get to it.
 */
export async function sendLocalList(ctx: TestContext, payload: JsonObject): Promise<Answer> {
  const answer = await send(ctx, 'SendLocalList', payload);
  const entries = payload['localAuthorizationList'];
  if (answer.payload?.['status'] === 'Accepted' && Array.isArray(entries) && entries.length > 0) ledgerOf(ctx).localList = true;
  return answer;
}

/** One SendLocalList entry (1.6 §7.3 AuthorizationData): the idTag with an idTagInfo of that status. */
export function entry(idTag: string, status: string): JsonObject {
  return { idTag, idTagInfo: { status } };
}

/** "LocalAuthListEnabled is true" of the case's Before (restored after the case by the general restore). */
export async function enableLocalList(ctx: TestContext): Promise<void> {
  await applyConfigurationStates(ctx, [{ key: 'LocalAuthListEnabled', value: 'true' }]);
}

/**
 * "LocalAuthListEnabled is false. (If implemented)": a charge point without the key (no Local Auth
 * List Management) is already there; one whose key is read-only true cannot be brought there.
 */
export async function disableLocalListIfImplemented(ctx: TestContext): Promise<void> {
  await ctx.step('Before: LocalAuthListEnabled is false (if implemented)', async () => {
    const known = (await getConfiguration(ctx, ['LocalAuthListEnabled'])).get('LocalAuthListEnabled');
    if (known === undefined) return;
    if (known.readonly && known.value !== 'false') ctx.inconclusive(`LocalAuthListEnabled is read-only ${String(known.value)}: the precondition (false) cannot be set`);
    await setConfiguration(ctx, 'LocalAuthListEnabled', 'false', { required: true });
  });
}

/**
 * Run the case, then empty the list again (OCTT 1.6 §1.3: no installed local authorization list)
 * while LocalAuthListEnabled is still as the case set it: a Full update without entries. Its
 * answer is not judged; what it could not empty, the general restore tries again (ledger).
 */
export async function thenNoLocalList(ctx: TestContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    // Never hides the verdict of the body: a clean-up that cannot run is left to the general restore.
    await ctx
      .step('After: no installed local authorization list (SendLocalList Full, no entries)', async () => {
        const res = await ctx.call('SendLocalList', { listVersion: 1, updateType: 'Full' });
        if (res.status === 'result' && res.payload['status'] === 'Accepted') ledgerOf(ctx).localList = false;
      })
      .catch(() => undefined);
  }
}
