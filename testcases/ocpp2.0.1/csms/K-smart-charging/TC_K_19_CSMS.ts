/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_19_CSMS: the CSMS sets a Recurring TxDefaultProfile with the
 * configured recurrencyKind (Part 5: Daily and Weekly are mandatory) on the configured EVSE; the
 * simulated station accepts it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_19_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - ChargingProfileKind is Recurring',
  useCases: ['K01'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: configured stack level, TxDefaultProfile, startPeriod 0, Recurring with the configured recurrencyKind' },
  ],
  detects: ['recurring-without-recurrency-kind', 'charging-profile-wrong-kind', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends a Recurring SetChargingProfileRequest, answered Accepted', async () => {
      const r = await setChargingProfile(ctx, profileParams(ctx, {
        evseId: ctx.config.evseId,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Recurring',
        recurrencyKind: v.recurrencyKind,
        startSchedule: 'now',
        durationS: v.durationS,
        limit: limitIn(v.chargingRateUnit, 6),
      }));
      checkEvse(ctx, r, ctx.config.evseId, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', { stackLevel: v.stackLevel, purpose: 'TxDefaultProfile', startPeriod: 0, kind: ['Recurring'], recurrencyKind: v.recurrencyKind }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
