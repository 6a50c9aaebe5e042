/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_05_CS — Remote unlock Connector, With ongoing
 * transaction. While a transaction is charging on the configured connector, UnlockConnector must
 * be refused with OngoingAuthorizedTransaction (Part 2 F05.FR.02): the cable stays locked.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { requestStatus } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote unlock Connector - With ongoing transaction',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a detachable cable (HFS-1); "not a Mode 1/2-only station" has no PICS item, so it is not part of the condition.
  applies: { item: 'HFS-1' },
  validations: [
    { step: 2, checks: 'UnlockConnectorResponse status OngoingAuthorizedTransaction' },
  ],
  detects: ['unlocks-during-transaction'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Before: EnergyTransferStarted on the configured connector', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Steps 1-2: UnlockConnector answered OngoingAuthorizedTransaction', async () => {
      await requestStatus(ctx, 'UnlockConnector', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, 'OngoingAuthorizedTransaction', { step: 2 });
    });
  },
});
