/**
 * The K01 cases whose only validation is one SetChargingProfileResponse status (TC_K_02/11/14/16/19
 * _CS): send the profile, check the status, and clear whatever the station installed anyway.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { clearIds, setProfile } from './k-support.js';

export async function setAndExpect(ctx: TestContext, title: string, evseId: number, chargingProfile: JsonObject, expected: 'Accepted' | 'Rejected'): Promise<void> {
  await ready(ctx);
  try {
    await ctx.step(title, () => setProfile(ctx, evseId, chargingProfile, expected, 2));
  } finally {
    await clearIds(ctx, [chargingProfile['id'] as number]);
  }
}
