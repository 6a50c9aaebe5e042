/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_52_CSMS: the CSMS asks for the installed charging profiles and the
 * simulated station's report holds a ChargingStationExternalConstraints profile set by an EMS;
 * the CSMS must take the report (answer it). Part 6 validates nothing of the request.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { installedProfile, reportProfiles, smartChargingValues, triggeredRequest } from './support.js';

export default defineTestCase({
  id: 'TC_K_52_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set / Update External Charging Limit (not on a transaction) - ChargingStationExternalConstraints in report',
  useCases: ['K12'],
  certification: [],
  states: ['Idle'],
  validations: [],
  detects: ['smart-charging-notification-error', 'ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    const r = await ctx.step('Steps 1-2: the CSMS sends GetChargingProfilesRequest, answered Accepted', () => triggeredRequest(ctx, 'GetChargingProfiles', 'triggerGetChargingProfiles', {}, () => ({ status: 'Accepted' })));
    await ctx.step('Steps 3-4: the station reports its ChargingStationExternalConstraints profile; the CSMS answers', async () => {
      const evseId = typeof r.call.payload['evseId'] === 'number' ? r.call.payload['evseId'] : 0;
      await reportProfiles(ctx, r.call, [evseId], () => installedProfile(ctx, v.chargingProfileId + 100, 'ChargingStationExternalConstraints', 0), 'EMS');
    });
  },
});
