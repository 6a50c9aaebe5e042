/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_15_CS — Reserve a connector with a specific type -
 * Success. A ReserveNow with <Configured connectorType> (`extra.connectorType`, else the configured
 * connector's Connector.ConnectorType) and no evseId is Accepted; a station with one connector of the
 * type reports it Reserved (./unspecified.ts); the reserved idToken is authorized and energy flows
 * (Part 2 H01.FR.06/09/15, H03.FR.02). Part 6 prerequisite "supports the reservation of a specific
 * connector type" has no Part 5 item for the station (R-1 is the CSMS's); reserving without an EVSE is R-2.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd } from '../_shared/journal.js';
import { configuredConnectorType, prepare, reserveNow, validToken } from './reservation-support.js';
import { reservedIfOnlyOne } from './unspecified.js';

export default defineTestCase({
  id: 'TC_H_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a connector with a specific type - Success',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.06', 'H01.FR.09', 'H01.FR.15', 'H03.FR.02'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [
    { step: 2, checks: 'ReserveNowResponse status Accepted (connectorType, no evseId)' },
    { step: 3, checks: 'one EVSE: the configured connector reported Reserved (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['rejects-connector-type'],
  async run(ctx) {
    await prepare(ctx);
    const connectorType = await configuredConnectorType(ctx);
    const from = journalEnd(ctx);
    await ctx.step(`Steps 1-2: ReserveNow for connectorType ${connectorType}, answered Accepted`, () => reserveNow(ctx, { connectorType, idToken: validToken(ctx) }, 'Accepted', 2));
    await ctx.step('Steps 3-4: a station with one connector of the type reports it Reserved', () => reservedIfOnlyOne(ctx, from, 3));
    await ctx.step('Step 5: Authorized with the configured valid idToken', () => ctx.state('Authorized'));
    await ctx.step('Step 6: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
