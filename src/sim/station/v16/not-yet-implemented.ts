/**
 * Central System calls of the 1.6 profiles whose charge point behaviour is not built yet: each
 * answers with its own "no". A profile issue moves its entries into its own module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block16 } from './context.js';

const answers: Record<string, Record<string, JsonObject>> = {
  'smart-charging': { SetChargingProfile: { status: 'Rejected' }, ClearChargingProfile: { status: 'Unknown' }, GetCompositeSchedule: { status: 'Rejected' } },
};

/** Which profile each not-yet-implemented CALL belongs to (for the profile issues). */
export const notYetImplemented16: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(answers).map(([profile, calls]) => [profile, Object.keys(calls)]));

export const notYetImplementedBlock16: Block16 = {
  name: 'not-yet-implemented',
  defects: [],
  create: () => ({
    handlers: Object.fromEntries(Object.values(answers).flatMap((calls) => Object.entries(calls).map(([action, response]) => [action, () => ({ ...response })]))),
  }),
};
