/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_02_CSMS: with no transaction on the configured EVSE the CSMS sends
 * a Relative TxProfile (limit 7 A / 7000 W); the simulated station rejects it, having no
 * transaction there. The CSMS's request is what is validated.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkProfile } from './profile-checks.js';
import { checkEvse, limitIn, limitsOf, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE',
  useCases: ['K01'],
  certification: [],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetChargingProfileRequest for the configured EVSE: TxProfile, configured stack level, Relative, configured unit, startPeriod 0, limit 7 A / 7000 W, numberPhases' },
  ],
  detects: ['charging-profile-wrong-purpose', 'charging-profile-wrong-kind', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest (TxProfile, no transaction), answered Rejected', async () => {
      // No transaction is ongoing: the CSMS names one it made up or none (Part 6 validates neither).
      const r = await setChargingProfile(ctx, profileParams(ctx, {
        evseId: ctx.config.evseId,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        transactionId: 'no-such-transaction',
        limit: limitIn(v.chargingRateUnit, 7),
      }), 'Rejected');
      checkEvse(ctx, r, ctx.config.evseId, 1);
      checkProfile(ctx, profileOf(r), 'chargingProfile', {
        purpose: 'TxProfile',
        stackLevel: v.stackLevel,
        kind: ['Relative'],
        rateUnit: v.chargingRateUnit,
        startPeriod: 0,
        limits: limitsOf(7),
        numberPhases: v.numberPhases,
      }, { step: 1, frames: r.frames, seenWallMs: r.seenWallMs });
    });
  },
});
