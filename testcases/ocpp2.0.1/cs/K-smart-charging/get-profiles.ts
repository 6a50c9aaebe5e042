/**
 * The K09 cases (TC_K_29..36_CS): Memory State profiles installed (a ChargingStationMaxProfile on
 * the station, a TxDefaultProfile on the configured EVSE), one GetChargingProfiles, and the reports
 * up to tbc false. What is judged: the status (step 2) and that the reports hold the expected
 * profiles unchanged (step 3; post: every report arrived, i.e. one with tbc false).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { checkReported, clearIds, getProfiles, install, kConfig, profile, reportFrames, transactionStarted, type KConfig, type Reported } from './k-support.js';

export interface GetCase {
  /** The request's evseId / chargingProfile criteria. */
  request: (k: KConfig, ids: { max: number; def: number }) => JsonObject;
  /** The profiles the reports must hold: 'max' on evseId 0, 'def' on the configured EVSE. */
  expect: ReadonlyArray<'max' | 'def'>;
  /** A check on every reported profile (the criteria), in words. */
  every?: { what: string; ok: (r: Reported, k: KConfig) => boolean };
  stackLevels?: (k: KConfig) => { max: number; def: number };
  /** Charging State EnergyTransferStarted on the configured EVSE before the memory state. */
  energyTransferStarted?: boolean;
}

export async function getProfilesCase(ctx: TestContext, c: GetCase): Promise<Reported[]> {
  await ready(ctx);
  const k = kConfig(ctx);
  if (c.energyTransferStarted === true) await transactionStarted(ctx, k.evseId, (x, e) => sessionOf(x, e).transactionId);
  const ids = { max: k.profileId, def: k.profileId + 1 };
  const levels = c.stackLevels?.(k) ?? { max: 0, def: 0 };
  const max = profile(ctx, k, { id: ids.max, purpose: 'ChargingStationMaxProfile', stackLevel: levels.max, durationS: k.durationS, periods: [[0, 16]] });
  const def = profile(ctx, k, { id: ids.def, purpose: 'TxDefaultProfile', stackLevel: levels.def, durationS: k.durationS, periods: [[0, 6]] });
  try {
    await ctx.step('Memory state: a ChargingStationMaxProfile on the station, a TxDefaultProfile on the EVSE', async () => {
      await install(ctx, 0, max);
      await install(ctx, k.evseId, def);
    });
    return await ctx.step('Steps 1-4: GetChargingProfiles; ReportChargingProfiles up to tbc false', async () => {
      const { reports } = await getProfiles(ctx, c.request(k, ids), 'Accepted', 2, 3);
      for (const which of c.expect) checkReported(ctx, reports, which === 'max' ? max : def, which === 'max' ? 0 : k.evseId, 3);
      if (c.every) {
        const bad = reports.filter((r) => !c.every?.ok(r, k));
        ctx.check(`every reported profile: ${c.every.what}`, bad.length === 0, { expected: c.every.what, actual: bad.length === 0 ? 'all do' : bad.map((r) => `id ${String(r.profile['id'])} on evseId ${String(r.evseId)}`).join(', '), frames: reportFrames(reports), step: 3 });
      }
      return reports;
    });
  } finally {
    await clearIds(ctx, [ids.max, ids.def]);
  }
}
