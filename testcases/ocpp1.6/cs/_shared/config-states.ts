/**
 * OCPP 1.6 `_CS`: the "Configuration State(s)" of a case's Before block (OCTT 1.6 document, e.g.
 * TC_005_1_CS: Value for "StopTransactionOnEVSideDisconnect" is "true") and the run-wide general
 * preconditions of §1.3 that the harness can set itself (MinimumStatusDuration 0, an empty
 * authorization cache).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { getConfiguration, ledgerOf, setConfiguration } from './charge-point.js';

export interface ConfigurationState {
  key: string;
  value: string;
  /**
   * The key may be absent on the charge point and the case still holds; the clause that says so
   * (§1.3 for MinimumStatusDuration). Without it an unknown or unsettable key is an unmet precondition.
   */
  optional?: string;
}

/**
 * Bring every key to its value (put back after the case by the restore). A required key that the
 * charge point does not know or does not accept leaves the case inconclusive.
 */
export async function applyConfigurationStates(ctx: TestContext, states: readonly ConfigurationState[]): Promise<void> {
  if (states.length === 0) return;
  await ctx.step(`Before: configuration state ${states.map((s) => `${s.key} = ${s.value}`).join(', ')}`, async () => {
    for (const s of states) {
      if (s.optional !== undefined) {
        const known = (await getConfiguration(ctx, [s.key])).get(s.key);
        if (!known || (known.readonly && known.value !== s.value)) continue;
      }
      await setConfiguration(ctx, s.key, s.value, { required: s.optional === undefined });
    }
  });
}

/** §1.3: "MinimumStatusDuration should be set to 0"; a charge point without the key still passes. */
export const minimumStatusDurationZero: ConfigurationState = { key: 'MinimumStatusDuration', value: '0', optional: 'OCTT 1.6 §1.3: a charge point without MinimumStatusDuration can still pass' };

/**
 * The run-wide part of §1.3, once per run: MinimumStatusDuration 0 when the charge point has it
 * and an empty authorization cache. Not put back after a case: it is the starting point of every case.
 */
export async function generalPreconditions(ctx: TestContext): Promise<void> {
  const ledger = ledgerOf(ctx);
  if (ledger.generalDone) return;
  ledger.generalDone = true;
  await ctx.step('General preconditions (OCTT 1.6 §1.3): MinimumStatusDuration 0, empty authorization cache', async () => {
    const known = (await getConfiguration(ctx, ['MinimumStatusDuration'])).get('MinimumStatusDuration');
    if (known && !known.readonly && known.value !== '0') await ctx.call('ChangeConfiguration', { key: 'MinimumStatusDuration', value: '0' });
    // A charge point without a cache answers Rejected: nothing is cached then.
    await ctx.call('ClearCache', {});
  });
}
