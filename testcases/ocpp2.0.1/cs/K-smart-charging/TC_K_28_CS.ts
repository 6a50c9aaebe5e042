/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_28_CS — Set Charging Profile, TxDefaultProfile
 * with a transaction ongoing (SmartChargingCtrlr.LimitChangeSignificance 1.0): an Absolute
 * TxDefaultProfile of 300 s (6 A / 6000 W, from now - d; d = configured max time deviation) is
 * Accepted and the transaction's composite for 300 s starts at 6 / 6000, judged against the engine
 * (Part 2 K01.FR.32).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { checkComposite, clearIds, getComposite, isoAt, kConfig, limitOf, profile, setProfile, smartChargingM, transactionStarted } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_28_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - TxDefaultProfile with transaction ongoing',
  useCases: ['K01'],
  requirements: ['K01.FR.32'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted' },
    { step: 4, checks: 'GetCompositeScheduleResponse Accepted: evseId, duration 300, the configured unit; startPeriod 0 with 6 / 6000' },
  ],
  detects: ['ignores-tx-default-during-tx'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const d = k.maxTimeDeviationS;
    await configure(ctx, [{ component: 'SmartChargingCtrlr', variable: 'LimitChangeSignificance', value: '1.0', ifImplemented: true }]);
    await transactionStarted(ctx, k.evseId, (c, e) => sessionOf(c, e).transactionId);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', durationS: 300, validFrom: isoAt(ctx, -d), validTo: isoAt(ctx, d + 300), startSchedule: isoAt(ctx, -d), periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile TxDefaultProfile during the transaction is Accepted', () => setProfile(ctx, k.evseId, sent, 'Accepted', 2));
      await ctx.step('Steps 3-4: GetCompositeSchedule for 300 s', async () => {
        const a = await getComposite(ctx, k.evseId, 300, k.unit);
        const c = checkComposite(ctx, k, a, { evseId: k.evseId, durationS: 300, installed: [{ evseId: k.evseId, raw: sent }], step: 4 });
        const first = c?.chargingSchedulePeriod[0];
        if (c) ctx.check('startPeriod 0 with the profile\'s limit', first?.startPeriod === 0 && first.limit === limitOf(k, 6), { expected: `0: ${limitOf(k, 6)}`, actual: first ? `${first.startPeriod}: ${String(first.limit)}` : 'no period', frames: a.frames, step: 4 });
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
