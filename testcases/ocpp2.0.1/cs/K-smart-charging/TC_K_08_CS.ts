/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_08_CS — Clear Charging Profile by a generated
 * chargingProfileId with no profile installed: Unknown (Part 2 K10.FR.01). The case first clears
 * what may be left (no verdict), so "no previous profile" holds.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkStatus, kConfig, send, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Clear Charging Profile - Without previous charging profile',
  useCases: ['K10'],
  requirements: ['K10.FR.01'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'ClearChargingProfileResponse status Unknown' }],
  detects: ['clear-unknown-accepted'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const generated = k.profileId + 900;
    await ctx.call('ClearChargingProfile', { chargingProfileId: generated });
    await ctx.step('Steps 1-2: ClearChargingProfile of an id never installed is Unknown', async () => {
      checkStatus(ctx, 'ClearChargingProfileResponse', await send(ctx, 'ClearChargingProfile', { chargingProfileId: generated }), 'Unknown', 2);
    });
  },
});
