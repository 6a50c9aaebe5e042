/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_13_CS — Set Charging Profile persistent over
 * reboot: a TxDefaultProfile on the configured EVSE is Accepted, the station reboots (reusable state
 * Booted), and GetChargingProfiles by its id still reports it unchanged (Part 2 K01.FR.27).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkReported, clearIds, getProfiles, kConfig, profile, setProfile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - Persistent over reboot',
  useCases: ['K01'],
  requirements: ['K01.FR.27'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted' },
    { step: 5, checks: 'GetChargingProfilesResponse status Accepted after the reboot' },
    { step: 6, checks: 'ReportChargingProfiles with the same requestId, the configured evseId and the profile as sent' },
    { step: 'post', checks: 'the reported profile is the one sent in step 1 (checked with step 6)' },
  ],
  detects: ['profiles-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', durationS: k.durationS, periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile TxDefaultProfile is Accepted', () => setProfile(ctx, k.evseId, sent, 'Accepted', 2));
      await ctx.step('Step 3: reusable state Booted (the station reboots)', () => ctx.state('Booted'));
      await ready(ctx);
      await ctx.step('Steps 4-7: GetChargingProfiles by id still reports the profile', async () => {
        const { reports } = await getProfiles(ctx, { chargingProfile: { chargingProfileId: [k.profileId] } }, 'Accepted', 5, 6);
        checkReported(ctx, reports, sent, k.evseId, 6);
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
