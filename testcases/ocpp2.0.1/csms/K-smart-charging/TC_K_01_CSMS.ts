/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_01_CSMS: the CSMS sets an Absolute TxDefaultProfile on the
 * configured EVSE, valid from now for the configured schedule duration, limit 6 A (6000 W); the
 * simulated station accepts it (Part 2 K01.FR.31).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, limitsOf, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - TxDefaultProfile - Specific EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.31'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: TxDefaultProfile, Absolute, configured stack level, validFrom / startSchedule now, validTo now + validity, configured unit, duration, startPeriod and numberPhases, limit 6 A / 6000 W' },
  ],
  detects: ['charging-profile-wrong-purpose', 'charging-profile-wrong-kind', 'charging-profile-without-validity', 'charging-profile-ignores-stack-level', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest (TxDefaultProfile, the configured EVSE), answered Accepted', async () => {
      const r = await setChargingProfile(ctx, profileParams(ctx, {
        evseId: ctx.config.evseId,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        validForS: v.validityS,
        startSchedule: 'now',
        durationS: v.durationS,
        startPeriod: v.startPeriod,
        limit: limitIn(v.chargingRateUnit, 6),
      }));
      checkEvse(ctx, r, ctx.config.evseId, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', {
        stackLevel: v.stackLevel,
        purpose: 'TxDefaultProfile',
        kind: ['Absolute'],
        validity: { mode: 'now', validityS: v.validityS },
        rateUnit: v.chargingRateUnit,
        durationS: v.durationS,
        startPeriod: v.startPeriod,
        limits: limitsOf(6),
        numberPhases: v.numberPhases,
      }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
