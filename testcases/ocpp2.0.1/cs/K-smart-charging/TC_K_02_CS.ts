/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_02_CS — Set Charging Profile, TxProfile without
 * an ongoing transaction on the configured EVSE (transactionId UNKNOWN-TRANSACTION-ID): Rejected
 * (Part 2 K01.FR.09).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { kConfig, profile, smartChargingM } from './k-support.js';
import { setAndExpect } from './set-rejected.js';

export default defineTestCase({
  id: 'TC_K_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.07', 'K01.FR.09'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Rejected for a TxProfile without a transaction on the EVSE' }],
  detects: ['accepts-txprofile-without-tx'],
  async run(ctx) {
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxProfile', kind: 'Relative', transactionId: 'UNKNOWN-TRANSACTION-ID', durationS: k.durationS, periods: [[0, 6]] });
    await setAndExpect(ctx, 'Steps 1-2: SetChargingProfile TxProfile without a transaction is Rejected', k.evseId, sent, 'Rejected');
  },
});
