/**
 * OCPP 2.0.1 Part 6 §2.12 (K SmartCharging), TC_K_23_CS — Set Charging Profile, startSchedule: an
 * Absolute TxDefaultProfile (6 A / 6000 W) starting at now - d + 60 s (valid from now - d + 50 s to
 * now + d + 400 s; d = configured max time deviation) is Accepted; the composite for 300 s gives
 * the local limit (not judged) and 6 / 6000 from 60 - x, judged against the engine (Part 2 K01.FR.30).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkComposite, clearIds, getComposite, isoAt, kConfig, limitOf, profile, setProfile, smartChargingM } from './k-support.js';

export default defineTestCase({
  id: 'TC_K_23_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'K',
  title: 'Set Charging Profile - StartSchedule',
  useCases: ['K01'],
  requirements: ['K01.FR.30'],
  certification: smartChargingM,
  validations: [
    { step: 2, checks: 'SetChargingProfileResponse status Accepted' },
    { step: 4, checks: 'GetCompositeScheduleResponse Accepted: evseId, unit, duration 300; 6 / 6000 from 60 - x' },
  ],
  detects: ['ignores-start-schedule'],
  async run(ctx) {
    await ready(ctx);
    const k = kConfig(ctx);
    const d = k.maxTimeDeviationS;
    const startS = Math.round(ctx.clock.wallMs() / 1000) - d + 60;
    const sent = profile(ctx, k, { id: k.profileId, purpose: 'TxDefaultProfile', validFrom: isoAt(ctx, -d + 50), validTo: isoAt(ctx, d + 400), startSchedule: isoAt(ctx, -d + 60), periods: [[0, 6]] });
    try {
      await ctx.step('Steps 1-2: SetChargingProfile with a startSchedule 60 s ahead is Accepted', () => setProfile(ctx, k.evseId, sent, 'Accepted', 2));
      await ctx.step('Steps 3-4: GetCompositeSchedule for 300 s', async () => {
        const a = await getComposite(ctx, k.evseId, 300, k.unit);
        const c = checkComposite(ctx, k, a, { evseId: k.evseId, durationS: 300, installed: [{ evseId: k.evseId, raw: sent }], step: 4 });
        if (c) {
          // Part 6: a period starts at 60 - x (x: from the profile's making to scheduleStart), within the time tolerance.
          const at = startS - c.scheduleStart;
          const tol = Math.max(ctx.toleranceMs / 1000, d);
          const hit = c.chargingSchedulePeriod.find((p) => p.startPeriod > 0 && Math.abs(p.startPeriod - at) <= tol && p.limit === limitOf(k, 6));
          ctx.check('a period from 60 - x with the profile\'s limit', hit !== undefined, { expected: `startPeriod ${Math.round(at)} (± ${tol} s), limit ${limitOf(k, 6)}`, actual: c.chargingSchedulePeriod.map((p) => `${p.startPeriod}:${String(p.limit)}`).join(', '), frames: a.frames, step: 4 });
        }
      });
    } finally {
      await clearIds(ctx, [k.profileId]);
    }
  },
});
