/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_60_CS — Set Charging Profile, a Relative
 * TxProfile (6 A / 6000 W) for the ongoing transaction on the configured EVSE: Accepted, and
 * GetChargingProfiles by its id reports it as set (Part 2 K01.FR.04, K01.FR.07, K01.FR.15).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { checkReported, clearIds, getProfiles, kConfig, profile, setProfile, smartChargingM, transactionStarted } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_60_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.07', 'K01.FR.15'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted for a TxProfile with the ongoing transactionId' },
    { step: 4, checks: 'GetChargingProfilesResponse status Accepted' },
    { step: 5, checks: 'ReportChargingProfiles holds the TxProfile as set in step 1' },
  ],
  detects: ['profile-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const transactionId = await transactionStarted(ctx, k.evseId, (c, e) => sessionOf(c, e).transactionId);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxProfile', kind: 'Relative', transactionId, periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile TxProfile for the ongoing transaction is Accepted', () => setProfile(ctx, k.evseId, sent, 'Accepted', 2));
      await ctx.step('Steps 3-6: GetChargingProfiles by id reports the TxProfile', async () => {
        const { reports } = await getProfiles(ctx, { chargingProfile: { chargingProfileId: [k.profileId] } }, 'Accepted', 4, 5);
        checkReported(ctx, reports, sent, k.evseId, 5);
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
