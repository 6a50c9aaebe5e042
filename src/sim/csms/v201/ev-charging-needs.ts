/**
 * Block K, ISO 15118 smart charging (Part 2 K15-K17), the CSMS's side: it accepts the EV's charging
 * needs (NotifyEVChargingNeeds) and answers them with a TxProfile for the transaction of that EVSE,
 * sent once its answer is out; it accepts the EV's schedule (NotifyEVChargingSchedule) when it stays
 * within the last profile it sent, else rejects it and sends a new profile (renegotiation).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { int, obj, str, type CsmsBlock } from '../block.js';
import type { ResponderFollowUp, ResponderHost } from '../responses.js';

/** The limit of the profile the simulator answers charging needs with: 16 A, or 11 kW for DC. */
const profileFor = (needs: JsonObject | undefined): { chargingRateUnit: 'A' | 'W'; limit: number } =>
  (str(needs?.['requestedEnergyTransfer']) ?? '').startsWith('DC') ? { chargingRateUnit: 'W', limit: 11000 } : { chargingRateUnit: 'A', limit: 16 };

function highestLimit(schedule: JsonObject | undefined): number {
  const periods = schedule?.['chargingSchedulePeriod'];
  return Array.isArray(periods) ? Math.max(...periods.map((p) => Number(obj(p)?.['limit'] ?? 0))) : 0;
}

export const evChargingNeeds: CsmsBlock = {
  name: 'ev-charging-needs',
  defects: [
    { name: 'ev-charging-needs-rejected', description: 'answers NotifyEVChargingNeeds with Rejected' },
    { name: 'ev-charging-needs-no-profile', description: 'accepts the EV charging needs but never sends a charging profile for them' },
    { name: 'ev-schedule-always-accepted', description: 'accepts a NotifyEVChargingSchedule whose limits exceed the charging profile it sent' },
  ],
  responders: (host: ResponderHost) => {
    // The limit of the last profile sent per station (one map per simulator).
    const sent = new Map<string, { evseId: number; chargingRateUnit: 'A' | 'W'; limit: number }>();
    const sendProfile = (stationId: string, followUp: ResponderFollowUp | undefined, evseId: number, p: { chargingRateUnit: 'A' | 'W'; limit: number }): void => {
      sent.set(stationId, { evseId, ...p });
      followUp?.trigger('triggerSetChargingProfile', { evseId, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingRateUnit: p.chargingRateUnit, limit: p.limit });
    };
    return {
      NotifyEVChargingNeeds: (station, payload, followUp) => {
        if (host.has('ev-charging-needs-rejected')) return { status: 'Rejected' };
        if (!host.has('ev-charging-needs-no-profile')) sendProfile(station.id, followUp, int(payload['evseId']) ?? 1, profileFor(obj(payload['chargingNeeds'])));
        return { status: 'Accepted' };
      },
      NotifyEVChargingSchedule: (station, payload, followUp) => {
        const last = sent.get(station.id);
        const schedule = obj(payload['chargingSchedule']);
        if (last === undefined || host.has('ev-schedule-always-accepted') || highestLimit(schedule) <= last.limit) return { status: 'Accepted' };
        // K16/K17: the EV asks for more than allowed; renegotiate with a new profile.
        sendProfile(station.id, followUp, int(payload['evseId']) ?? last.evseId, { chargingRateUnit: last.chargingRateUnit, limit: last.limit });
        return { status: 'Rejected' };
      },
    };
  },
};
