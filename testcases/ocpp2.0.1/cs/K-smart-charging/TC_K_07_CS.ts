/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_07_CS — Clear Charging Profile with a
 * purpose / stackLevel combination no profile has (ChargingStationMaxProfile, 0) while a
 * TxDefaultProfile with stackLevel 1 is installed: Unknown (Part 2 K10.FR.01).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus, clearIds, install, kConfig, profile, send, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Clear Charging Profile - With unknown stackLevel/purpose combination',
  useCases: ['K10'],
  requirements: ['K10.FR.01'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'ClearChargingProfileResponse status Unknown' }],
  detects: ['clear-unknown-accepted'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    try {
      await ctx.step('Memory state: a TxDefaultProfile with stackLevel 1', () => install(ctx, k.evseId, profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', stackLevel: 1, durationS: k.durationS, periods: [[0, 6]] })));
      await ctx.step('Steps 1-2: ClearChargingProfile ChargingStationMaxProfile / stackLevel 0 is Unknown', async () => {
        const a = await send(ctx, 'ClearChargingProfile', { chargingProfileCriteria: { chargingProfilePurpose: 'ChargingStationMaxProfile', stackLevel: 0 } });
        checkStatus(ctx, 'ClearChargingProfileResponse', a, 'Unknown', 2);
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
