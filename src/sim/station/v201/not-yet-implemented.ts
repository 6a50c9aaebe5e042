/**
 * CSMS calls of blocks whose station behaviour is not built yet: each answers with its own "no"
 * (extension point: options.handlers). A block issue moves its entries into its own module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201 } from './context.js';

const answers: Record<string, Record<string, JsonObject>> = {
  firmware: { PublishFirmware: { status: 'Rejected' }, UnpublishFirmware: { status: 'NoFirmware' } },
  display: { GetDisplayMessages: { status: 'Unknown' }, ClearDisplayMessage: { status: 'Unknown' }, SetDisplayMessage: { status: 'Rejected' } },
};

/** Which block each not-yet-implemented CALL belongs to (for the block issues). */
export const notYetImplemented: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(answers).map(([block, calls]) => [block, Object.keys(calls)]));

export const notYetImplementedBlock: Block201 = {
  name: 'not-yet-implemented',
  defects: [],
  create: () => ({
    handlers: Object.fromEntries(Object.values(answers).flatMap((calls) => Object.entries(calls).map(([action, response]) => [action, () => ({ ...response })]))),
  }),
};
