/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_10_CS — Remote unlock Connector, Without ongoing
 * transaction, UnknownConnector. UnlockConnector for connector 999 of the configured EVSE, which
 * no station has, must be answered UnknownConnector (Part 2 F05.FR.03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { requestStatus } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote unlock Connector - Without ongoing transaction - UnknownConnector',
  useCases: ['F05'],
  requirements: ['F05.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a detachable cable (HFS-1); "not a Mode 1/2-only station" has no PICS item, so it is not part of the condition.
  applies: { item: 'HFS-1' },
  validations: [
    { step: 2, checks: 'UnlockConnectorResponse status UnknownConnector' },
  ],
  detects: ['unlock-unknown-connector-unlocked'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: UnlockConnector answered UnknownConnector', async () => {
      await requestStatus(ctx, 'UnlockConnector', { evseId: ctx.config.evseId, connectorId: 999 }, 'UnknownConnector', { step: 2 });
    });
  },
});
