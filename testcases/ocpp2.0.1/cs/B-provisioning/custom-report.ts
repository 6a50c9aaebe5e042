/**
 * Checks shared by the custom report cases (Part 2 B08; Part 6 TC_B_17/18/56_CS): the EVSE
 * AvailabilityState entry as Part 6 describes it.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { checkEach, itemsOf, nameOf, type ReportEntry } from './report-data.js';

/** Part 2 AvailabilityState (ConnectorStatusEnumType and Unavailable/Faulted) — the order does not matter. */
export const availabilityStates: readonly string[] = ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'];

/** Exactly one entry, EVSE `evseId` AvailabilityState, OptionList of the five states, ReadOnly, Actual. */
export function checkAvailabilityEntry(ctx: TestContext, entries: readonly ReportEntry[], evseId: number, step: number): void {
  ctx.check('one variable reported', entries.length === 1, { expected: `EVSE[${evseId}].AvailabilityState only`, actual: entries.length === 1 ? nameOf(entries[0] as ReportEntry) : `${entries.length}: ${entries.slice(0, 6).map(nameOf).join(', ')}`, frames: [...new Set(entries.flatMap((e) => e.frames))], step });
  checkAvailabilityEntries(ctx, entries, step, evseId);
}

/** Each entry is an EVSE AvailabilityState (of `evseId` when given) as Part 6 describes it. */
export function checkAvailabilityEntries(ctx: TestContext, entries: readonly ReportEntry[], step: number, evseId?: number): void {
  checkEach(ctx, 'component.name EVSE', entries, (e) => (e.component === 'EVSE' ? undefined : `component ${e.component}`), 'EVSE', step);
  if (evseId !== undefined) checkEach(ctx, `component.evse.id ${evseId}`, entries, (e) => (e.evseId === evseId ? undefined : `evse.id ${String(e.evseId ?? 'absent')}`), String(evseId), step);
  checkEach(ctx, 'variable.name AvailabilityState', entries, (e) => (e.variable === 'AvailabilityState' ? undefined : `variable ${e.variable}`), 'AvailabilityState', step);
  checkEach(ctx, 'variableCharacteristics.dataType OptionList', entries, (e) => (e.dataType === 'OptionList' ? undefined : `dataType ${e.dataType ?? 'absent'}`), 'OptionList', step);
  checkEach(
    ctx,
    'variableCharacteristics.valuesList: Available, Occupied, Reserved, Unavailable, Faulted',
    entries,
    (e) => {
      const items = itemsOf(e.valuesList);
      return items.length === availabilityStates.length && availabilityStates.every((s) => items.includes(s)) ? undefined : `valuesList ${e.valuesList ?? 'absent'}`;
    },
    availabilityStates.join(', '),
    step,
  );
  checkEach(ctx, 'variableAttribute: type Actual, mutability ReadOnly', entries, (e) => (e.attributes.length > 0 && e.attributes.every((a) => a.type === 'Actual' && a.mutability === 'ReadOnly') ? undefined : `attributes ${JSON.stringify(e.attributes)}`), 'Actual, ReadOnly', step);
}
