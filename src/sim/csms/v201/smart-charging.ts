/**
 * Block K, smart charging: the SetChargingProfile, ClearChargingProfile, GetChargingProfiles and
 * GetCompositeSchedule triggers (profiles built by ../charging-profiles.ts from the parameters);
 * charging-limit and charging-profile report notifications answered (the EV's needs and schedule:
 * ev-charging-needs.ts).
 */
import { InternalRpcError } from '../../../session/rpc-error.js';
import { empty, type CsmsBlock } from '../block.js';
import type { Responder, ResponderHost } from '../responses.js';
import { chargingProfile201, chargingProfileDefects, evseFor, optional } from '../charging-profiles.js';
import { ParamError } from '../params.js';

/** The smart-charging-notification-error defect, or an empty acknowledgement. */
const noted = (host: ResponderHost): Responder => (...args) => {
  if (host.has('smart-charging-notification-error')) throw new InternalRpcError('the CSMS could not store the notification');
  return empty(...args);
};

const purposes = ['ChargingStationMaxProfile', 'TxDefaultProfile', 'TxProfile', 'ChargingStationExternalConstraints'] as const;
const sources = ['EMS', 'Other', 'SO', 'CSO'] as const;

export const smartCharging: CsmsBlock = {
  name: 'smart-charging',
  defects: [
    ...chargingProfileDefects,
    { name: 'get-charging-profiles-drops-criteria', description: 'sends GetChargingProfiles with an empty chargingProfile criterion instead of the purpose, stack level, profile ids or limit source it was asked for' },
    { name: 'smart-charging-notification-error', description: 'answers NotifyChargingLimit, ClearedChargingLimit and ReportChargingProfiles with CALLERROR InternalError' },
  ],
  responders: (host) => ({
    ClearedChargingLimit: noted(host),
    NotifyChargingLimit: noted(host),
    ReportChargingProfiles: noted(host),
  }),
  triggers: {
    triggerSetChargingProfile: (ctx, p) => {
      const evseId = evseFor(ctx, p.int('evseId'), false) ?? 0;
      const given = p.obj('chargingProfile');
      if (given !== undefined) return { action: 'SetChargingProfile', payload: { evseId, chargingProfile: given } };
      return { action: 'SetChargingProfile', payload: { evseId, chargingProfile: chargingProfile201(ctx, p) } };
    },
    // Part 2 K10: by chargingProfileId alone, or by criteria (evseId, purpose, stackLevel), or everything (no fields).
    triggerClearChargingProfile: (ctx, p) => {
      const id = p.int('chargingProfileId');
      const purpose = p.oneOf('chargingProfilePurpose', purposes);
      const stackLevel = p.int('stackLevel');
      if (id !== undefined && !ctx.has('clear-profile-by-criteria')) return { action: 'ClearChargingProfile', payload: { chargingProfileId: id } };
      const criteria =
        id !== undefined
          ? { chargingProfilePurpose: purpose ?? 'TxDefaultProfile', stackLevel: stackLevel ?? 0 }
          : {
              ...optional('evseId', evseFor(ctx, p.int('evseId'), true)),
              ...optional('chargingProfilePurpose', purpose),
              ...optional('stackLevel', ctx.has('clear-profile-drops-stack-level') ? undefined : stackLevel),
            };
      return { action: 'ClearChargingProfile', payload: Object.keys(criteria).length === 0 ? {} : { chargingProfileCriteria: criteria } };
    },
    // Part 2 K09: requestId, evseId (optional), criteria chargingProfilePurpose / stackLevel / chargingProfileId[] / chargingLimitSource[].
    triggerGetChargingProfiles: (ctx, p) => {
      const evseId = evseFor(ctx, p.int('evseId'), true);
      const purpose = p.oneOf('chargingProfilePurpose', purposes);
      const stackLevel = p.int('stackLevel');
      const rawIds = p.raw['chargingProfileId'];
      const ids = (Array.isArray(rawIds) ? (rawIds as unknown[]) : [p.int('chargingProfileId')]).filter((x): x is number => typeof x === 'number');
      const source = p.oneOf('chargingLimitSource', sources);
      const criteria = ctx.has('get-charging-profiles-drops-criteria')
        ? {}
        : { ...optional('chargingProfilePurpose', purpose), ...optional('stackLevel', stackLevel), ...optional('chargingProfileId', ids.length === 0 ? undefined : ids), ...optional('chargingLimitSource', source === undefined ? undefined : [source]) };
      return { action: 'GetChargingProfiles', payload: { requestId: p.int('requestId') ?? ctx.next('requestId'), ...optional('evseId', evseId), chargingProfile: criteria } };
    },
    // Part 2 K08: evseId and duration required, chargingRateUnit optional.
    triggerGetCompositeSchedule: (ctx, p) => {
      const duration = p.int('durationS') ?? p.int('duration');
      if (duration === undefined) throw new ParamError('parameter durationS (the schedule length, seconds) is required');
      const unit = p.oneOf('chargingRateUnit', ['A', 'W'] as const);
      const evseId = evseFor(ctx, p.int('evseId'), false) ?? 0;
      return { action: 'GetCompositeSchedule', payload: { duration, ...optional('chargingRateUnit', ctx.has('composite-schedule-drops-rate-unit') ? undefined : unit), evseId } };
    },
  },
};
