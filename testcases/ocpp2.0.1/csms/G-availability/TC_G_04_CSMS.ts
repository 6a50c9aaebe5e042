/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_04_CSMS: the configured EVSE is Unavailable (the simulated station
 * reports it so first); the CSMS makes it Operative again: ChangeAvailabilityRequest Operative for
 * that EVSE, no connectorId; the station accepts and reports its connector Available.
 */
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { connectorsOf, framesOf, reportStatus, stationOf, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_G_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability EVSE - Inoperative to operative',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'The CSMS sends ChangeAvailabilityRequest Operative (steps 1-2)' },
  ],
  detects: ['change-availability-without-evse'],
  async run(ctx) {
    const evseId = ctx.config.evseId;
    const connectors = connectorsOf(ctx).filter((c) => c.evseId === evseId);
    await ctx.step(`Memory state: EVSE ${evseId} is Unavailable`, async () => {
      stationOf(ctx).inoperative.add(evseId);
      for (const c of connectors) await reportStatus(ctx, c.evseId, c.connectorId, 'Unavailable');
    });
    await ctx.step('The CSMS sends ChangeAvailabilityRequest Operative (steps 1-2)', async () => {
      const call = await triggered(ctx, {
        action: 'ChangeAvailability',
        trigger: 'triggerChangeAvailability',
        params: { operationalStatus: 'Operative', evseId },
        respond: () => ({ status: 'Accepted' }),
      });
      const evse = call.payload['evse'] as JsonObject | undefined;
      ctx.check('ChangeAvailabilityRequest.operationalStatus is Operative', call.payload['operationalStatus'] === 'Operative', {
        expected: 'Operative',
        actual: call.payload['operationalStatus'],
        frames: framesOf(call),
      });
      ctx.check(`ChangeAvailabilityRequest.evse.id is ${evseId}`, evse?.['id'] === evseId, { expected: { id: evseId }, actual: evse ?? 'evse absent (whole station)', frames: framesOf(call) });
      ctx.check('ChangeAvailabilityRequest.evse.connectorId is omitted', evse?.['connectorId'] === undefined, { expected: 'no connectorId', actual: evse?.['connectorId'], frames: framesOf(call) });
    });
    await ctx.step('The station reports its connectors Available (steps 3-4)', async () => {
      stationOf(ctx).inoperative.delete(evseId);
      for (const c of connectors) await reportStatus(ctx, c.evseId, c.connectorId, 'Available');
    });
  },
});
