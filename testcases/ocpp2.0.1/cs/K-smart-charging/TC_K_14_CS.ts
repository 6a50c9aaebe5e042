/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_14_CS — Set Charging Profile on evseId
 * <EVSECount + 1>, an EVSE the station does not have: Rejected (Part 2 K01.FR.28). EVSECount is
 * the configured number of EVSEs.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { kConfig, profile, smartChargingM } from './k-support.js';
import { setAndExpect } from './set-rejected.js';

export default defineTestCase({
  id: 'TC_K_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - Unexisting EVSEid',
  useCases: ['K01'],
  requirements: ['K01.FR.28'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Rejected for evseId EVSECount + 1' }],
  detects: ['accepts-unknown-evse'],
  async run(ctx) {
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', durationS: k.durationS, periods: [[0, 6]] });
    await setAndExpect(ctx, 'Steps 1-2: SetChargingProfile on an unknown EVSE is Rejected', ctx.config.numberOfEvses + 1, sent, 'Rejected');
  },
});
