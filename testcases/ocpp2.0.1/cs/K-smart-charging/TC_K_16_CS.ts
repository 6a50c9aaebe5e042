/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_16_CS — Set Charging Profile, a TxProfile on the
 * configured EVSE during its transaction, with transactionId UNKNOWN-TRANSACTION-ID: Rejected
 * (Part 2 K01.FR.33).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { clearIds, kConfig, profile, setProfile, smartChargingM, transactionStarted } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - Unknown transactionId',
  useCases: ['K01'],
  requirements: ['K01.FR.33'],
  certification: smartChargingM,
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Rejected for a TxProfile with an unknown transactionId' }],
  detects: ['ignores-transaction-id'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    await transactionStarted(ctx, k.evseId, (c, e) => sessionOf(c, e).transactionId);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxProfile', kind: 'Relative', transactionId: 'UNKNOWN-TRANSACTION-ID', durationS: k.durationS, periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile TxProfile for an unknown transaction is Rejected', () => setProfile(ctx, k.evseId, sent, 'Rejected', 2));
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
