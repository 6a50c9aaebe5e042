/**
 * CSMS calls of blocks whose station behaviour is not built yet: each answers with its own "no"
 * (extension point: options.handlers). A block issue moves its entries into its own module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201 } from './context.js';
import { v } from '../device-model-data.js';

const answers: Record<string, Record<string, JsonObject>> = {
  'smart-charging': {
    ClearChargingProfile: { status: 'Unknown' },
    GetChargingProfiles: { status: 'NoProfiles' },
    GetCompositeSchedule: { status: 'Rejected' },
  },
  firmware: { PublishFirmware: { status: 'Rejected' }, UnpublishFirmware: { status: 'NoFirmware' } },
  display: { GetDisplayMessages: { status: 'Unknown' }, ClearDisplayMessage: { status: 'Unknown' }, SetDisplayMessage: { status: 'Rejected' } },
};

/** Which block each not-yet-implemented CALL belongs to (for the block issues). */
export const notYetImplemented: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(answers).map(([block, calls]) => [block, Object.keys(calls)]));

export const notYetImplementedBlock: Block201 = {
  name: 'not-yet-implemented',
  variables: [
    v({ component: 'SmartChargingCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'SmartChargingCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' }),
  ],
  defects: [],
  create: () => ({
    handlers: Object.fromEntries(Object.values(answers).flatMap((calls) => Object.entries(calls).map(([action, response]) => [action, () => ({ ...response })]))),
  }),
};
