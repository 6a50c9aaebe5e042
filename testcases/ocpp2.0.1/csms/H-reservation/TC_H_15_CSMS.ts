/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_15_CSMS — Reserve a connector with a specific type -
 * Success. Asked to reserve <Configured connectorType> (`extra.connectorType`, default cType2), the
 * CSMS sends a ReserveNowRequest with that connectorType, no evseId and the configured valid idToken;
 * answered Accepted, the station reports the configured connector Reserved.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus } from '../_shared/station.js';
import { configuredConnectorType, reserveNow } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_15_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve a connector with a specific type - Success',
  useCases: ['H01', 'H03'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-1' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ReserveNowRequest: no evseId, connectorType the configured one, the configured valid idToken' }],
  detects: ['reserve-now-without-connector-type', 'reserve-now-unspecified-names-evse'],
  async run(ctx) {
    const connectorType = configuredConnectorType(ctx);
    await ctx.step(`Steps 1-2: the CSMS sends ReserveNow for connectorType ${connectorType}, answered Accepted`, () => reserveNow(ctx, { connectorType, step: 1 }));
    await ctx.step('Steps 3-4: the connector is reported Reserved', () => reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Reserved'));
  },
});
