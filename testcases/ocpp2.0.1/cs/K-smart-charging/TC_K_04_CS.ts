/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_04_CS — Replace charging profile: with a
 * TxDefaultProfile (limit 6 A / 6000 W) installed, a SetChargingProfile with the same id and limit
 * 10 / 10000 is Accepted and replaces it: GetChargingProfiles by the id reports only the new one,
 * on the configured EVSE (Part 2 K01.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkReported, clearIds, getProfiles, install, kConfig, profile, setProfile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Replace charging profile - With chargingProfileId',
  useCases: ['K01'],
  requirements: ['K01.FR.05'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted for the same id with limit 10 / 10000' },
    { step: 4, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 5, checks: 'ReportChargingProfiles with the same requestId, the configured evseId and only the replacing profile' },
  ],
  detects: ['keeps-replaced-profile', 'profile-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const spec = { id: k.profileId, purpose: 'TxDefaultProfile', durationS: k.durationS };
    const replacing = profile(ctx, k, { ...spec, periods: [[0, 10]] });
    try {
      await ctx.step('Memory state: a TxDefaultProfile with limit 6 / 6000', () => install(ctx, k.evseId, profile(ctx, k, { ...spec, periods: [[0, 6]] })));
      await ctx.step('Steps 1-2: SetChargingProfile with the same id and limit 10 / 10000 is Accepted', () => setProfile(ctx, k.evseId, replacing, 'Accepted', 2));
      await ctx.step('Steps 3-6: GetChargingProfiles by id reports the replacing profile only', async () => {
        const { reports } = await getProfiles(ctx, { chargingProfile: { chargingProfileId: [k.profileId] } }, 'Accepted', 4, 5);
        checkReported(ctx, reports, replacing, k.evseId, 5);
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
