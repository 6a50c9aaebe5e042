/**
 * TC_K_29…36_CSMS: the CSMS asks for installed charging profiles with GetChargingProfilesRequest
 * (evseId 0, a specific EVSE or none; criteria purpose / stack level / limit source / profile id);
 * the simulated station answers Accepted and reports one matching profile per EVSE asked for in
 * ReportChargingProfilesRequests (tbc on all but the last), each of which the CSMS must answer.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { criterionOf, evsesAsked, installedProfile, reportProfiles, smartChargingValues, triggeredRequest, type Received } from './support.js';

export interface Asked {
  /** number: that EVSE; 'omit': none (every EVSE); 'any': Part 6 does not validate it. */
  evseId: number | 'omit' | 'any';
  chargingProfilePurpose?: string;
  stackLevel?: number;
  chargingLimitSource?: string;
  chargingProfileId?: number;
}

/** Steps 1-4; step 1's validations are the evseId and every criterion in `asked`. */
export async function getChargingProfiles(ctx: TestContext, asked: Asked): Promise<Received> {
  const v = smartChargingValues(ctx);
  const { evseId, ...criteria } = asked;
  const r = await ctx.step('Steps 1-2: the CSMS sends GetChargingProfilesRequest, answered Accepted', async () => {
    const got = await triggeredRequest(ctx, 'GetChargingProfiles', 'triggerGetChargingProfiles', { ...(typeof evseId === 'number' ? { evseId } : {}), ...criteria }, () => ({ status: 'Accepted' }));
    const at = { frames: got.frames, step: 1 };
    const sent = got.call.payload['evseId'];
    if (evseId !== 'any') ctx.check('GetChargingProfilesRequest.evseId', evseId === 'omit' ? sent === undefined : sent === evseId, { expected: evseId === 'omit' ? 'omitted' : evseId, actual: sent ?? 'omitted', ...at });
    const c = criterionOf(got);
    if (criteria.chargingProfilePurpose !== undefined) ctx.check('GetChargingProfilesRequest.chargingProfile.chargingProfilePurpose', c['chargingProfilePurpose'] === criteria.chargingProfilePurpose, { expected: criteria.chargingProfilePurpose, actual: c['chargingProfilePurpose'] ?? 'absent', ...at });
    if (criteria.stackLevel !== undefined) ctx.check('GetChargingProfilesRequest.chargingProfile.stackLevel', c['stackLevel'] === criteria.stackLevel, { expected: criteria.stackLevel, actual: c['stackLevel'] ?? 'absent', ...at });
    if (criteria.chargingLimitSource !== undefined) {
      const list = c['chargingLimitSource'];
      ctx.check('GetChargingProfilesRequest.chargingProfile.chargingLimitSource', Array.isArray(list) && list.includes(criteria.chargingLimitSource), { expected: `[${criteria.chargingLimitSource}]`, actual: list ?? 'absent', ...at });
    }
    if (criteria.chargingProfileId !== undefined) {
      const list = c['chargingProfileId'];
      ctx.check('GetChargingProfilesRequest.chargingProfile.chargingProfileId', Array.isArray(list) && list.includes(criteria.chargingProfileId), { expected: `[${criteria.chargingProfileId}]`, actual: list ?? 'absent', ...at });
      ctx.check('GetChargingProfilesRequest.requestId is an id the CSMS generated', Number.isInteger(got.call.payload['requestId']), { expected: 'an integer', actual: got.call.payload['requestId'] ?? 'absent', ...at });
    }
    return got;
  });
  await ctx.step('Steps 3-4: the station reports the matching profiles, the CSMS answers each ReportChargingProfilesRequest', async () => {
    const purpose = criteria.chargingProfilePurpose ?? (evseId === 0 ? 'ChargingStationMaxProfile' : 'TxDefaultProfile');
    const id = criteria.chargingProfileId ?? v.chargingProfileId;
    await reportProfiles(ctx, r.call, evsesAsked(ctx, r.call.payload['evseId']), (e) => installedProfile(ctx, id + e, purpose, criteria.stackLevel ?? v.stackLevel), criteria.chargingLimitSource ?? 'CSO');
  });
  return r;
}
