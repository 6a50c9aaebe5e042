/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_04_CSMS: the CSMS sets a charging profile (limit 8 A / 8000 W) and
 * then replaces it with one of the same kind, purpose and stack level but limit 6 A / 6000 W. A
 * replacement carries the same chargingProfile.id; a new id would install a second profile instead.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { limitIn, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Replace charging profile - With chargingProfileId',
  useCases: [],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [{ step: 3, checks: 'the second SetChargingProfileRequest has the chargingProfile.id of the first' }],
  detects: ['charging-profile-fresh-id', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const base = profileParams(ctx, { evseId: ctx.config.evseId, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', validForS: v.validityS, durationS: v.durationS });
    const first = await ctx.step('Steps 1-2: the CSMS sets a profile with limit 8 A / 8000 W, answered Accepted', () => setChargingProfile(ctx, { ...base, limit: limitIn(v.chargingRateUnit, 8) }));
    const firstId = profileOf(first)?.['id'];
    await ctx.step('Steps 3-4: the CSMS replaces it with limit 6 A / 6000 W, answered Accepted', async () => {
      const second = await setChargingProfile(ctx, { ...base, limit: limitIn(v.chargingRateUnit, 6) });
      const secondId = profileOf(second)?.['id'];
      ctx.check('the replacing SetChargingProfileRequest has the same chargingProfile.id', firstId !== undefined && secondId === firstId, { expected: firstId ?? 'the id of the first profile', actual: secondId ?? 'absent', frames: [...first.frames, ...second.frames], step: 3 });
    });
  },
});
