// OCPP 2.0.1 Part 6 §2.3, TC_B_52_CS: back online within OfflineThreshold, the station reports
// the connector whose status changed while it was offline (Occupied: plugged in meanwhile).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { offlinePeriod } from './offline-status.js';

export default defineTestCase({
  id: 'TC_B_52_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Status change during offline period - < Offline Threshold',
  useCases: ['B04'],
  requirements: ['B04.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 3, checks: 'after the reconnection: the configured connector reported Occupied (StatusNotification or NotifyEvent AvailabilityState Delta)' }],
  detects: ['no-status-after-reconnect'],
  async run(ctx) {
    await stationReady(ctx);
    const from = await offlinePeriod(ctx, false);
    // Part 6 validates this report under step 3 (the reconnection), though the table numbers it 4.
    await ctx.step('Steps 3-4: the configured connector reported Occupied', () => expectConnectorStatus(ctx, 'Occupied', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, { from }));
  },
});
