/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_10_CS — Set Charging Profile, TxDefaultProfile on
 * evseId 0 (all EVSEs): Accepted, then GetChargingProfiles by its id reports it unchanged on evseId 0,
 * tbc false (Part 2 K01.FR.07, K01.FR.14; reporting K09). Part 5 §4.5 makes it mandatory for a
 * station; SC-4 (its condition for the CSMS side) is a CSMS feature of Part 5 §3.2, not a station one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkReported, clearIds, getProfiles, kConfig, profile, setProfile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - TxDefaultProfile - All EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.07', 'K01.FR.14'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted' },
    { step: 4, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 5, checks: 'ReportChargingProfiles with the generated requestId, evseId 0, tbc false and the profile as sent' },
    { step: 'post', checks: 'the reported profile is the one sent in step 1 (checked with step 5)' },
  ],
  detects: ['profile-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', durationS: k.durationS, periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile TxDefaultProfile on evseId 0 is Accepted', () => setProfile(ctx, 0, sent, 'Accepted', 2));
      await ctx.step('Steps 3-6: GetChargingProfiles by id; ReportChargingProfiles holds the profile', async () => {
        const { reports } = await getProfiles(ctx, { chargingProfile: { chargingProfileId: [k.profileId] } }, 'Accepted', 4, 5);
        checkReported(ctx, reports, sent, 0, 5);
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
