/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_11_CS — Set Charging Profile, a TxProfile on
 * evseId 0 (all EVSEs at once): Rejected (Part 2 K01.FR.16).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { kConfig, profile, smartChargingM } from './k-support.js';
import { setAndExpect } from './set-rejected.js';

export default defineTestCase({
  id: 'TC_K_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - Unable to set TxProfile on all EVSE at once',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.16'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Rejected for a TxProfile with evseId 0' }],
  detects: ['accepts-txprofile-on-evse-0'],
  async run(ctx) {
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxProfile', kind: 'Relative', durationS: k.durationS, periods: [[0, 6]] });
    await setAndExpect(ctx, 'Steps 1-2: SetChargingProfile TxProfile on evseId 0 is Rejected', 0, sent, 'Rejected');
  },
});
