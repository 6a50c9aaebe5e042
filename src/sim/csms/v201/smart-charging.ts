/** Block K, smart charging: the SetChargingProfile trigger; charging-limit and EV-schedule notifications. */
import { empty, type CsmsBlock } from '../block.js';
import { ParamError } from '../params.js';

export const smartCharging: CsmsBlock = {
  name: 'smart-charging',
  defects: [],
  responders: () => ({
    ClearedChargingLimit: empty,
    NotifyChargingLimit: empty,
    NotifyEVChargingNeeds: () => ({ status: 'Rejected' }),
    NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
    ReportChargingProfiles: empty,
  }),
  triggers: {
    triggerSetChargingProfile: (ctx, p) => {
      const evseId = p.int('evseId') ?? 0;
      const given = p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { evseId, chargingProfile: given } };
      const purpose =
        p.oneOf('chargingProfilePurpose', ['ChargingStationMaxProfile', 'TxDefaultProfile', 'TxProfile', 'ChargingStationExternalConstraints'] as const) ??
        (p.has('transactionId') ? 'TxProfile' : 'TxDefaultProfile');
      const transactionId = purpose === 'TxProfile' ? (p.str('transactionId') ?? ctx.ongoingTransactionId) : undefined;
      if (purpose === 'TxProfile' && transactionId === undefined) throw new ParamError('a TxProfile needs a transaction: none is ongoing, pass transactionId');
      const id = p.int('chargingProfileId') ?? ctx.next('chargingProfileId');
      return {
        action: 'SetChargingProfile',
        payload: {
          evseId,
          chargingProfile: {
            id,
            stackLevel: p.int('stackLevel') ?? 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: 'Relative',
            chargingSchedule: [{ id, chargingRateUnit: p.oneOf('chargingRateUnit', ['A', 'W'] as const) ?? 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(p.str('limit') ?? 16) }] }],
            ...(transactionId === undefined ? {} : { transactionId }),
          },
        },
      };
    },
  },
};
