/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_05_CS — Clear Charging Profile with only a
 * chargingProfileId: Accepted, and GetChargingProfiles by that id then finds NoProfiles
 * (Part 2 K10.FR.03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus, clearIds, getProfiles, install, kConfig, profile, send, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Clear Charging Profile - With chargingProfileId',
  useCases: ['K10'],
  requirements: ['K10.FR.03'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'ClearChargingProfileResponse status Accepted' },
    { step: 4, checks: 'GetChargingProfilesResponse status NoProfiles for the cleared id' },
  ],
  detects: ['clear-by-id-unknown'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    try {
      await ctx.step('Memory state: a charging profile with the configured id', () => install(ctx, k.evseId, profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', durationS: k.durationS, periods: [[0, 6]] })));
      await ctx.step('Steps 1-2: ClearChargingProfile by id is Accepted', async () => {
        checkStatus(ctx, 'ClearChargingProfileResponse', await send(ctx, 'ClearChargingProfile', { chargingProfileId: k.profileId }), 'Accepted', 2);
      });
      await ctx.step('Steps 3-4: GetChargingProfiles by id finds NoProfiles', () => getProfiles(ctx, { chargingProfile: { chargingProfileId: [k.profileId] } }, 'NoProfiles', 4));
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
