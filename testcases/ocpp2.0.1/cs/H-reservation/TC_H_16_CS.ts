/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_16_CS — Reserve a connector with a specific type -
 * Amount of available connectors of a type equals the amount of reservations. Every EVSE is Reserved
 * (one idToken each); a ReserveNow for <Configured connectorType> (see TC_H_15_CS) must be answered
 * Occupied (Part 2 H01.FR.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredConnectorType, prepare, reserveNow, tokenFor, validToken } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a connector with a specific type - Amount of available connectors of a type equals the amount of reservations',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [{ step: 2, checks: 'ReserveNowResponse status Occupied' }],
  detects: ['reserves-reserved-evse'],
  async run(ctx) {
    await prepare(ctx);
    const connectorType = await configuredConnectorType(ctx);
    await ctx.step('Before: every EVSE is Reserved', async () => {
      for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) await ctx.state('Reserved', { evseId, idToken: tokenFor(ctx, evseId) });
    });
    await ctx.step(`Steps 1-2: ReserveNow for connectorType ${connectorType}, answered Occupied`, () => reserveNow(ctx, { connectorType, idToken: validToken(ctx) }, 'Occupied', 2));
  },
});
