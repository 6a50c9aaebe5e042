/**
 * Block K, smart charging — only as far as Part 6 TC_P_04_CS needs it (the block itself comes
 * later): SetChargingProfile for TxDefaultProfile and ChargingStationMaxProfile on a known EVSE is
 * stored and Accepted (K01), a TxProfile needs the EVSE's ongoing transaction (K01.FR.03), anything
 * else is Rejected. customData in the profile or its periods is carried, not judged.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201 } from './context.js';

const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);

export const smartCharging: Block201 = {
  name: 'smart-charging',
  defects: [],
  create: (ctx) => {
    /** Installed profiles by "evseId/id". */
    const profiles = new Map<string, JsonObject>();
    return {
      handlers: {
        SetChargingProfile: (call) => {
          const evseId = call.payload['evseId'];
          const profile = obj(call.payload['chargingProfile']);
          const known = typeof evseId === 'number' && (evseId === 0 || ctx.evses.all.some((e) => e.outlet.id === evseId));
          const purpose = profile?.['chargingProfilePurpose'];
          if (!known || !profile) return { status: 'Rejected' };
          if (purpose === 'TxProfile') {
            const evse = ctx.evses.all.find((e) => e.outlet.id === evseId);
            const tx = evse?.tx && !evse.tx.ended ? evse.tx : undefined;
            if (!tx || profile['transactionId'] !== tx.id) return { status: 'Rejected' };
          } else if (purpose !== 'TxDefaultProfile' && !(purpose === 'ChargingStationMaxProfile' && evseId === 0)) {
            return { status: 'Rejected' };
          }
          profiles.set(`${String(evseId)}/${String(profile['id'])}`, profile);
          return { status: 'Accepted' };
        },
      },
    };
  },
};
