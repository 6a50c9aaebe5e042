// OCPP 2.0.1 Part 6 §2.3, TC_B_51_CS: back online after more than OfflineThreshold, the station
// reports the status of every connector: the configured one Occupied (plugged in while offline),
// the others Available.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { expectAllConnectors } from './boot.js';
import { offlinePeriod } from './offline-status.js';

export default defineTestCase({
  id: 'TC_B_51_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Status change during offline period - > Offline Threshold',
  useCases: ['B04'],
  requirements: ['B04.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 4, checks: 'after the reconnection: the configured connector Occupied, every other connector Available (StatusNotification or NotifyEvent AvailabilityState Delta)' }],
  detects: ['no-status-after-reconnect'],
  async run(ctx) {
    await stationReady(ctx);
    const from = await offlinePeriod(ctx, true);
    await ctx.step('Steps 4-5: the status of every connector: the configured one Occupied, the others Available', () => expectAllConnectors(ctx, from, 'Occupied'));
  },
});
