/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_70_CSMS: the CSMS sets two charging profiles of the same kind,
 * purpose and limit on two stack levels (the configured stackLevel and stackLevel2). They are two
 * profiles: different chargingProfile.id and different stackLevel (Part 5: at least two of each).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { limitIn, profileOf, profileParams, setChargingProfile, smartChargingValues } from './support.js';

export default defineTestCase({
  id: 'TC_K_70_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - Multiple Profiles',
  useCases: [],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 3, checks: 'the second SetChargingProfileRequest has another chargingProfile.id and another stackLevel than the first' }],
  detects: ['charging-profile-ignores-stack-level', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const base = profileParams(ctx, { evseId: ctx.config.evseId, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', validForS: v.validityS, durationS: v.durationS, limit: limitIn(v.chargingRateUnit, 6) });
    const first = await ctx.step(`Steps 1-2: the CSMS sets a profile on stack level ${v.stackLevel}, answered Accepted`, () => setChargingProfile(ctx, { ...base, stackLevel: v.stackLevel }));
    await ctx.step(`Steps 3-4: the CSMS sets a second profile on stack level ${v.stackLevel2}, answered Accepted`, async () => {
      const second = await setChargingProfile(ctx, { ...base, stackLevel: v.stackLevel2, chargingProfileId: v.chargingProfileId + 1 });
      const [a, b] = [profileOf(first), profileOf(second)];
      const frames = [...first.frames, ...second.frames];
      ctx.check('the two profiles have different chargingProfile.id', a?.['id'] !== undefined && b?.['id'] !== undefined && a['id'] !== b['id'], { expected: 'two different ids', actual: `${String(a?.['id'])} and ${String(b?.['id'])}`, frames, step: 3 });
      ctx.check('the two profiles have different stackLevel', a?.['stackLevel'] !== undefined && b?.['stackLevel'] !== undefined && a['stackLevel'] !== b['stackLevel'], { expected: 'two different stack levels', actual: `${String(a?.['stackLevel'])} and ${String(b?.['stackLevel'])}`, frames, step: 3 });
    });
  },
});
