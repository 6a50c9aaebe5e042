/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_21_CS — Set Charging Profile, validFrom: a
 * Relative TxDefaultProfile (6 A / 6000 W, no startSchedule, no validTo) valid from now + 300 s is
 * Accepted; the composite for 400 s starts with the local limit and gives 6 / 6000 from 300 - x,
 * judged against the engine (Part 2 K01.FR.36).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkComposite, clearIds, getComposite, isoAt, kConfig, profile, setProfile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - ValidFrom',
  useCases: ['K01'],
  requirements: ['K01.FR.36'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted' },
    { step: 4, checks: 'GetCompositeScheduleResponse Accepted: evseId, unit, duration 400; a period from 300 - x with 6 / 6000' },
  ],
  detects: ['ignores-valid-from'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', kind: 'Relative', validFrom: isoAt(ctx, 300), periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile valid from now + 300 s is Accepted', () => setProfile(ctx, k.evseId, sent, 'Accepted', 2));
      await ctx.step('Steps 3-4: GetCompositeSchedule for 400 s', async () => {
        const a = await getComposite(ctx, k.evseId, 400, k.unit);
        const c = checkComposite(ctx, k, a, { evseId: k.evseId, durationS: 400, installed: [{ evseId: k.evseId, raw: sent }], step: 4 });
        if (c) {
          const second = c.chargingSchedulePeriod[1];
          ctx.check('a second period, from 300 - x, with the profile\'s limit', second !== undefined && second.limit === (k.unit === 'A' ? 6 : 6000), { expected: `startPeriod about 300, limit ${k.unit === 'A' ? 6 : 6000}`, actual: second ? `startPeriod ${second.startPeriod}, limit ${String(second.limit)}` : 'one period only', frames: a.frames, step: 4 });
        }
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
