/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_07_CS — Remote unlock Connector, Without ongoing
 * transaction, No cable connected. With no cable in the configured connector there is nothing to
 * hold: the station answers Unlocked (Part 2 F05.FR.06). The charging state "no cable connected"
 * is where every case leaves the station (the restore after each case unplugs what it plugged in).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { requestStatus } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote unlock Connector - Without ongoing transaction - No cable connected',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a detachable cable (HFS-1); "not a Mode 1/2-only station" has no PICS item, so it is not part of the condition.
  applies: { item: 'HFS-1' },
  validations: [
    { step: 2, checks: 'UnlockConnectorResponse status Unlocked' },
  ],
  detects: ['unlock-fails-without-cable'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: UnlockConnector answered Unlocked', async () => {
      await requestStatus(ctx, 'UnlockConnector', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, 'Unlocked', { step: 2 });
    });
  },
});
