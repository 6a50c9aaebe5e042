/** Smart Charging profile (1.6 §5.16): the SetChargingProfile trigger. */
import type { CsmsBlock } from '../block.js';
import { ParamError } from '../params.js';

export const smartCharging16: CsmsBlock = {
  name: 'smart-charging',
  defects: [],
  triggers: {
    triggerSetChargingProfile: (ctx, p) => {
      const connectorId = p.int('connectorId') ?? p.int('evseId') ?? 0;
      const given = p.obj('csChargingProfiles') ?? p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { connectorId, csChargingProfiles: given } };
      const purpose = p.oneOf('chargingProfilePurpose', ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] as const) ?? (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
      const tx = purpose === 'TxProfile' ? (p.str('transactionId') ?? ctx.ongoingTransactionId) : undefined;
      if (purpose === 'TxProfile' && tx === undefined) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
      return {
        action: 'SetChargingProfile',
        payload: {
          connectorId,
          csChargingProfiles: {
            chargingProfileId: p.int('chargingProfileId') ?? ctx.next('chargingProfileId'),
            ...(tx === undefined ? {} : { transactionId: Number(tx) }),
            stackLevel: p.int('stackLevel') ?? 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: 'Relative',
            chargingSchedule: { chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(p.str('limit') ?? 16) }] },
          },
        },
      };
    },
  },
};
