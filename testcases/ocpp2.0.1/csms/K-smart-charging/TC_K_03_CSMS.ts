/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_03_CSMS: the CSMS sets a ChargingStationMaxProfile (evseId 0,
 * Absolute or Relative) with validFrom, validTo and startSchedule given, limit 8 A (8000 W); the
 * simulated station accepts it (Part 2 K01.FR.31, K01.FR.38).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, limitsOf, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - ChargingStationMaxProfile',
  useCases: ['K01'],
  requirements: ['K01.FR.31', 'K01.FR.38'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest evseId 0: ChargingStationMaxProfile, Absolute or Relative, configured stack level, unit and duration, startPeriod 0, limit 8 A / 8000 W, numberPhases, validFrom / validTo / startSchedule given' },
  ],
  detects: ['charging-profile-wrong-purpose', 'charging-profile-without-validity', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest (ChargingStationMaxProfile), answered Accepted', async () => {
      const r = await setChargingProfile(ctx, profileParams(ctx, {
        evseId: 0,
        chargingProfilePurpose: 'ChargingStationMaxProfile',
        chargingProfileKind: 'Absolute',
        validForS: v.validityS,
        startSchedule: 'now',
        durationS: v.durationS,
        limit: limitIn(v.chargingRateUnit, 8),
      }));
      checkEvse(ctx, r, 0, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', {
        stackLevel: v.stackLevel,
        purpose: 'ChargingStationMaxProfile',
        kind: ['Absolute', 'Relative'],
        rateUnit: v.chargingRateUnit,
        durationS: v.durationS,
        startPeriod: 0,
        limits: limitsOf(8),
        numberPhases: v.numberPhases,
        validity: { mode: 'present' },
      }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
