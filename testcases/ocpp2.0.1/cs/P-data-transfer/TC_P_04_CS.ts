/**
 * OCPP 2.0.1 Part 6 §2.17 (P DataTransfer), TC_P_04_CS — Able to receive customData in a
 * ChargingProfile: a SetChargingProfileRequest (TxDefaultProfile on the configured EVSE, one period
 * from 0 s at 6 A / 6000 W) with the OCTT <CustomData> in the profile and in its schedule period is
 * Accepted. Not in Part 5: no certification profile; Part 6's prerequisite (Smart Charging
 * supported) is read as Part 5 SC-2 (a supported charging rate unit, A or W).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { customDataOf, framesOfCall, outcomeText } from './custom-data.js';

export default defineTestCase({
  id: 'TC_P_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'P',
  title: 'Able to receive customData - ChargingProfile',
  certification: [],
  applies: { any: [{ item: 'SC-2.1' }, { item: 'SC-2.2' }] },
  validations: [{ step: 2, checks: 'SetChargingProfileResponse status Accepted for a profile carrying customData' }],
  detects: ['rejects-custom-data'],
  async run(ctx) {
    await ready(ctx);
    const extra = ctx.config.extra;
    const num = (name: string, fallback: number): number => (typeof extra[name] === 'number' && Number.isFinite(extra[name]) ? (extra[name]) : fallback);
    // <Configured chargingProfileId / duration / chargingRateUnit / numberPhases>.
    const profileId = num('chargingProfileId', 1);
    const unit = extra['chargingRateUnit'] === 'W' ? 'W' : 'A';
    const customData = customDataOf(ctx);
    const chargingProfile = {
      id: profileId,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      customData,
      chargingSchedule: [
        {
          id: profileId,
          startSchedule: new Date(ctx.clock.wallMs()).toISOString(),
          duration: num('chargingProfileDurationS', 300),
          chargingRateUnit: unit,
          chargingSchedulePeriod: [{ startPeriod: 0, limit: unit === 'A' ? 6 : 6000, numberPhases: num('numberPhases', 3), customData }],
        },
      ],
    };
    await ctx.step('Steps 1-2: SetChargingProfile with customData is Accepted', async () => {
      const res = await ctx.call('SetChargingProfile', { evseId: ctx.config.evseId, chargingProfile });
      ctx.check('SetChargingProfileResponse status', res.status === 'result' && res.payload['status'] === 'Accepted', { expected: 'Accepted', actual: outcomeText(res), frames: framesOfCall(ctx, res.messageId), step: 2 });
    });
    // §2.1: leave no profile behind (no verdict on the answer).
    await ctx.call('ClearChargingProfile', { chargingProfileId: profileId });
  },
});
