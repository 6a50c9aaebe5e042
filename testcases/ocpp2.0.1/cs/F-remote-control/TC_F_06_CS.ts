/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_06_CS — Remote unlock Connector, Without ongoing
 * transaction, Accepted. With no transaction on the configured connector the station unlocks it
 * and answers Unlocked (Part 2 F05.FR.04). Part 5 lists this case without a certification profile.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { requestStatus } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.04'],
  certification: [],
  // Part 5: the official table names C-11 (a CSMS item) and HFS-1 (a detachable cable) for this case; on the station side HFS-1 decides.
  applies: { item: 'HFS-1' },
  validations: [
    { step: 2, checks: 'UnlockConnectorResponse status Unlocked' },
  ],
  detects: ['unlock-fails'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: UnlockConnector answered Unlocked', async () => {
      await requestStatus(ctx, 'UnlockConnector', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, 'Unlocked', { step: 2 });
    });
  },
});
