/** Smart Charging profile (1.6 §5.16): the SetChargingProfile, ClearChargingProfile and GetCompositeSchedule triggers. */
import type { CsmsBlock } from '../block.js';
import { chargingProfile16, chargingProfileDefects, evseFor, optional } from '../charging-profiles.js';
import { ParamError } from '../params.js';

const purposes = ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'] as const;

export const smartCharging16: CsmsBlock = {
  name: 'smart-charging',
  defects: chargingProfileDefects,
  triggers: {
    triggerSetChargingProfile: (ctx, p) => {
      const connectorId = evseFor(ctx, p.int('connectorId') ?? p.int('evseId'), false) ?? 0;
      const given = p.obj('csChargingProfiles') ?? p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { connectorId, csChargingProfiles: given } };
      return { action: 'SetChargingProfile', payload: { connectorId, csChargingProfiles: chargingProfile16(ctx, p) } };
    },
    // §5.5 / §6.15: by id alone, by criteria (connectorId, purpose, stackLevel), or every profile (no fields).
    triggerClearChargingProfile: (ctx, p) => {
      const id = p.int('chargingProfileId') ?? p.int('id');
      const purpose = p.oneOf('chargingProfilePurpose', purposes);
      const stackLevel = p.int('stackLevel');
      if (id !== undefined && !ctx.has('clear-profile-by-criteria')) return { action: 'ClearChargingProfile', payload: { id } };
      if (id !== undefined) return { action: 'ClearChargingProfile', payload: { chargingProfilePurpose: purpose ?? 'TxDefaultProfile', stackLevel: stackLevel ?? 0 } };
      return {
        action: 'ClearChargingProfile',
        payload: {
          ...optional('connectorId', evseFor(ctx, p.int('connectorId') ?? p.int('evseId'), true)),
          ...optional('chargingProfilePurpose', purpose),
          ...optional('stackLevel', ctx.has('clear-profile-drops-stack-level') ? undefined : stackLevel),
        },
      };
    },
    // §6.23: connectorId and duration required, chargingRateUnit optional.
    triggerGetCompositeSchedule: (ctx, p) => {
      const duration = p.int('durationS') ?? p.int('duration');
      if (duration === undefined) throw new ParamError('parameter durationS (the schedule length, seconds) is required');
      const unit = p.oneOf('chargingRateUnit', ['A', 'W'] as const);
      const connectorId = evseFor(ctx, p.int('connectorId') ?? p.int('evseId'), false) ?? 0;
      return { action: 'GetCompositeSchedule', payload: { connectorId, duration, ...optional('chargingRateUnit', ctx.has('composite-schedule-drops-rate-unit') ? undefined : unit) } };
    },
  },
};
