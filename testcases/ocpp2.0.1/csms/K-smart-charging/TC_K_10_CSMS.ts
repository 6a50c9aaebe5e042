/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_10_CSMS: the CSMS sets an Absolute TxDefaultProfile for every EVSE
 * at once (evseId 0), with validFrom, validTo and startSchedule given, limit 6 A (6000 W); the
 * simulated station accepts it (Part 2 K01.FR.31). Part 5: only for a CSMS that does this (SC-4).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, limitsOf, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_10_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - TxDefaultProfile - All EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.31'],
  certification: [
    { profile: 'Smart Charging', need: 'C' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  // Part 5 §4.5: conditional on SC-4 (the CSMS sets a TxDefaultProfile on EVSE id 0).
  applies: { item: 'SC-4' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest evseId 0: TxDefaultProfile, Absolute, configured stack level, validFrom / validTo / startSchedule given, configured unit and duration, startPeriod 0, limit 6 A / 6000 W, numberPhases' },
  ],
  detects: ['charging-profile-without-validity', 'charging-profile-wrong-kind', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest (TxDefaultProfile, evseId 0), answered Accepted', async () => {
      const r = await setChargingProfile(ctx, profileParams(ctx, {
        evseId: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        validForS: v.validityS,
        startSchedule: 'now',
        durationS: v.durationS,
        limit: limitIn(v.chargingRateUnit, 6),
      }));
      checkEvse(ctx, r, 0, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', {
        stackLevel: v.stackLevel,
        purpose: 'TxDefaultProfile',
        kind: ['Absolute'],
        validity: { mode: 'present' },
        rateUnit: v.chargingRateUnit,
        durationS: v.durationS,
        startPeriod: 0,
        limits: limitsOf(6),
        numberPhases: v.numberPhases,
      }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
