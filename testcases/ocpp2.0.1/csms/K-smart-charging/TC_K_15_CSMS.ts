/**
 * OCPP 2.0.1 Part 6 §3.12, TC_K_15_CSMS: the CSMS sends a SetChargingProfileRequest to a station
 * that does not support smart charging; the simulated station answers CALLERROR NotSupported
 * (OCPP-J §4.3). Part 6 validates nothing of the request: the case needs it to arrive.
 */
import { defineTestCase, NotSupportedError } from '../../../../src/engine/authoring.js';
import { limitIn, profileParams, smartChargingValues, triggeredRequest } from './support.js';

export default defineTestCase({
  id: 'TC_K_15_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'K',
  title: 'Set Charging Profile - Not Supported',
  useCases: ['K01'],
  certification: [{ profile: 'Smart Charging', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['ignores-trigger'],
  async run(ctx) {
    const v = smartChargingValues(ctx);
    await ctx.step('Steps 1-2: the CSMS sends SetChargingProfileRequest, answered CALLERROR NotSupported', async () => {
      const params = profileParams(ctx, {
        evseId: ctx.config.evseId,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        validForS: v.validityS,
        startSchedule: 'now',
        durationS: v.durationS,
        limit: limitIn(v.chargingRateUnit, 6),
      });
      await triggeredRequest(ctx, 'SetChargingProfile', 'triggerSetChargingProfile', params, () => {
        throw new NotSupportedError('this station does not support smart charging');
      });
    });
  },
});
