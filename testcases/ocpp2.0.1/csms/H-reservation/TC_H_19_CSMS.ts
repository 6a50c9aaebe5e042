/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_19_CSMS — Reserve a specific EVSE - Use a reserved EVSE
 * with GroupId. Asked to reserve the configured EVSE for the configured valid idToken and its group
 * (the configured groupId is offered to the trigger), the CSMS sends a ReserveNowRequest with that
 * evseId, no connectorType, the idToken and a groupIdToken (its value is the CSMS's choice: Part 6
 * only asks for one); answered Accepted, the EVSE's connectors are reported Reserved.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredGroupIdToken, reportEvse, reserveNow } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_19_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve a specific EVSE - Use a reserved EVSE with GroupId',
  useCases: ['H01', 'H03'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ReserveNowRequest: evseId the configured one, no connectorType, a groupIdToken, the configured valid idToken' }],
  detects: ['reserve-now-without-group-id-token', 'reserve-now-without-evse'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow with a groupIdToken for the configured EVSE, answered Accepted', () =>
      reserveNow(ctx, { evseId: ctx.config.evseId, groupIdToken: configuredGroupIdToken(ctx), step: 1 }));
    await ctx.step('Steps 3-4: the connectors are reported Reserved', () => reportEvse(ctx, 'Reserved'));
  },
});
