/**
 * OCPP 1.6 TC_067_CSMS — Clear Charging Profile. OCTT 1.6 document §3.19.3; OCPP 1.6 §5.5, §5.16:
 * the operator makes the Central System set three TxDefaultProfiles on the configured connector
 * (the configured stack level, +1, +2), then clear the first by its id alone, the second by its
 * criteria (connector, purpose, stack level; no id) and the rest with an empty request. The
 * harness (as Charge Point) accepts every one.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredCall } from '../_shared/charge-point.js';
import { checkConnector, checkProfile, limitIn, objOf, profileParams16, setChargingProfile16, smartChargingValues } from './support.js';

async function clear(ctx: TestContext, params: Record<string, unknown>, step: number): Promise<{ payload: Record<string, unknown>; frames: number[] }> {
  const s = await triggeredCall(ctx, { action: 'ClearChargingProfile', trigger: 'triggerClearChargingProfile', params, answer: () => ({ status: 'Accepted' }), step });
  ctx.check('ClearChargingProfile.conf status is Accepted', s.reply['status'] === 'Accepted', { expected: 'Accepted', actual: s.reply, frames: s.frames, step: 4 });
  return s;
}

export default defineTestCase({
  id: 'TC_067_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'SmartCharging',
  title: 'Clear Charging Profile',
  requirements: ['OCPP 1.6 §5.5', 'OCPP 1.6 §5.16'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'three SetChargingProfile.req for the configured connector, TxDefaultProfile, on the configured stack level, +1 and +2' },
    { step: 2, checks: 'the Charge Point answers each SetChargingProfile.conf Accepted' },
    { step: 3, checks: 'ClearChargingProfile.req with the id of profile 1 and no connectorId, chargingProfilePurpose or stackLevel' },
    { step: 4, checks: 'the Charge Point answers each ClearChargingProfile.conf Accepted (steps 4, 6, 8)' },
    { step: 5, checks: 'ClearChargingProfile.req without id, for the configured connector, TxDefaultProfile, stack level + 1' },
    { step: 7, checks: 'ClearChargingProfile.req with every field omitted' },
  ],
  detects: ['clear-profile-by-criteria', 'clear-profile-drops-stack-level', 'charging-profile-ignores-stack-level', 'smart-charging-wrong-evse', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const { connectorId } = ctx.config;
    const ids: unknown[] = [];
    for (const n of [0, 1, 2]) {
      await ctx.step(`Steps 1-2 (profile ${n + 1}): SetChargingProfile.req TxDefaultProfile on stack level ${v.stackLevel + n} → Accepted`, async () => {
        const s = await setChargingProfile16(ctx, profileParams16(ctx, { chargingProfileId: v.chargingProfileId + n, stackLevel: v.stackLevel + n, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', limit: limitIn(v.chargingRateUnit, 6 + n) }), { step: 1, confStep: 2 });
        checkConnector(ctx, s, 'SetChargingProfile', connectorId, 1);
        const profile = objOf(s.payload['csChargingProfiles']);
        checkProfile(ctx, profile, 'csChargingProfiles', { purpose: 'TxDefaultProfile', stackLevel: v.stackLevel + n }, { step: 1, frames: s.frames, seenWallMs: s.seenWallMs });
        ids.push(profile?.['chargingProfileId']);
      });
    }
    await ctx.step('Steps 3-4: ClearChargingProfile.req by the id of profile 1 → Accepted', async () => {
      const s = await clear(ctx, { chargingProfileId: ids[0] }, 3);
      ctx.check('ClearChargingProfile.req id is the id of profile 1', ids[0] !== undefined && s.payload['id'] === ids[0], { expected: ids[0] ?? 'the id of profile 1', actual: s.payload['id'] ?? 'absent', frames: s.frames, step: 3 });
      const extra = ['connectorId', 'chargingProfilePurpose', 'stackLevel'].filter((k) => s.payload[k] !== undefined);
      ctx.check('ClearChargingProfile.req has no connectorId, chargingProfilePurpose or stackLevel', extra.length === 0, { expected: 'only id', actual: s.payload, frames: s.frames, step: 3 });
    });
    await ctx.step('Steps 5-6: ClearChargingProfile.req by criteria (connector, TxDefaultProfile, stack level + 1) → Accepted', async () => {
      const s = await clear(ctx, { connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: v.stackLevel + 1 }, 5);
      const at = { frames: s.frames, step: 5 };
      ctx.check('ClearChargingProfile.req id is omitted', s.payload['id'] === undefined, { expected: 'omitted', actual: s.payload['id'], ...at });
      ctx.check('ClearChargingProfile.req connectorId is the configured connector', s.payload['connectorId'] === connectorId, { expected: connectorId, actual: s.payload['connectorId'] ?? 'absent', ...at });
      ctx.check('ClearChargingProfile.req chargingProfilePurpose is TxDefaultProfile', s.payload['chargingProfilePurpose'] === 'TxDefaultProfile', { expected: 'TxDefaultProfile', actual: s.payload['chargingProfilePurpose'] ?? 'absent', ...at });
      ctx.check('ClearChargingProfile.req stackLevel is the configured stack level + 1', s.payload['stackLevel'] === v.stackLevel + 1, { expected: v.stackLevel + 1, actual: s.payload['stackLevel'] ?? 'absent', ...at });
    });
    await ctx.step('Steps 7-8: ClearChargingProfile.req for every remaining profile (no fields) → Accepted', async () => {
      const s = await clear(ctx, {}, 7);
      ctx.check('ClearChargingProfile.req has every field omitted', Object.keys(s.payload).length === 0, { expected: '{}', actual: s.payload, frames: s.frames, step: 7 });
    });
  },
});
