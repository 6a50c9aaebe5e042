/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_05_CSMS: the CSMS asks for the installed charging profiles
 * (memory state: GetChargingProfiles, answered Accepted, then a ReportChargingProfiles with a
 * ChargingStationMaxProfile the station generated), then clears that profile by its id alone:
 * chargingProfileId the reported id, no chargingProfileCriteria (Part 2 K10.FR.02). Part 6
 * validates no field; the scenario's request is what the case looks for.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { installedProfile, reportProfiles, smartChargingValues, triggeredRequest } from './support.js';

export default defineTestCase({
  id: 'TC_K_05_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Clear Charging Profile - With chargingProfileId',
  useCases: ['K10'],
  requirements: ['K10.FR.02'],
  certification: [
    { profile: 'Smart Charging', need: 'M' },
    { profile: 'ISO 15118 Support', need: 'M' },
  ],
  states: ['Idle'],
  validations: [],
  detects: ['clear-profile-by-criteria', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const generatedId = 9000 + Math.floor(Math.random() * 1000);
    await ctx.step('Memory state: the CSMS asks for the charging profiles; the station reports its ChargingStationMaxProfile', async () => {
      const r = await triggeredRequest(ctx, 'GetChargingProfiles', 'triggerGetChargingProfiles', { evseId: 0 }, () => ({ status: 'Accepted' }));
      await reportProfiles(ctx, r.call, [0], () => installedProfile(ctx, generatedId, 'ChargingStationMaxProfile', v.stackLevel));
    });
    await ctx.step(`Steps 1-2: the CSMS clears profile ${generatedId} by its id, answered Accepted`, async () => {
      const r = await triggeredRequest(ctx, 'ClearChargingProfile', 'triggerClearChargingProfile', { chargingProfileId: generatedId }, () => ({ status: 'Accepted' }));
      ctx.check('ClearChargingProfileRequest.chargingProfileId is the reported profile', r.call.payload['chargingProfileId'] === generatedId, { expected: generatedId, actual: r.call.payload['chargingProfileId'] ?? 'absent', frames: r.frames });
      ctx.check('ClearChargingProfileRequest.chargingProfileCriteria is omitted', r.call.payload['chargingProfileCriteria'] === undefined, { expected: 'omitted', actual: r.call.payload['chargingProfileCriteria'], frames: r.frames });
    });
  },
});
