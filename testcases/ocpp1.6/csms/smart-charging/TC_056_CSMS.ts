/**
 * OCPP 1.6 TC_056_CSMS — Central Smart Charging - TxDefaultProfile. OCTT 1.6 document §3.19.1;
 * OCPP 1.6 §5.16, §3.13: the operator makes the Central System set a default schedule for new
 * transactions on the configured connector: an Absolute TxDefaultProfile with validFrom, validTo
 * and startSchedule, the configured unit, duration and start period, limit 6 A (6000 W). The
 * harness (as Charge Point) accepts it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkConnector, checkProfile, limitIn, limitsOf, objOf, profileParams16, setChargingProfile16, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_056_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'SmartCharging',
  title: 'Central Smart Charging - TxDefaultProfile',
  requirements: ['OCPP 1.6 §5.16', 'OCPP 1.6 §3.13'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'SetChargingProfile.req for the configured connector: TxDefaultProfile, Absolute, configured stack level, validFrom / validTo / startSchedule given, configured unit, duration, startPeriod, limit 6 A / 6000 W, numberPhases' },
    { step: 2, checks: 'the Charge Point answers SetChargingProfile.conf Accepted (the request is one it can take)' },
  ],
  detects: ['charging-profile-wrong-purpose', 'charging-profile-wrong-kind', 'charging-profile-without-validity', 'charging-profile-ignores-stack-level', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: SetChargingProfile.req TxDefaultProfile for the configured connector → Accepted', async () => {
      const s = await setChargingProfile16(ctx, profileParams16(ctx, {
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        validForS: v.validityS,
        startSchedule: 'now',
        durationS: v.durationS,
        startPeriod: v.startPeriod,
        limit: limitIn(v.chargingRateUnit, 6),
      }), { step: 1, confStep: 2 });
      checkConnector(ctx, s, 'SetChargingProfile', ctx.config.connectorId, 1);
      checkProfile(ctx, objOf(s.payload['csChargingProfiles']), 'csChargingProfiles', {
        stackLevel: v.stackLevel,
        purpose: 'TxDefaultProfile',
        kind: ['Absolute'],
        validity: { mode: 'present' },
        rateUnit: v.chargingRateUnit,
        durationS: v.durationS,
        startPeriod: v.startPeriod,
        limits: limitsOf(6),
        numberPhases: v.numberPhases,
      }, { step: 1, frames: s.frames, seenWallMs: s.seenWallMs });
    });
  },
});
