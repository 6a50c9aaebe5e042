// OCPP 2.0.1 Part 6 §2.15, TC_N_56_CS: a Delta monitor on a non-numeric variable (EVSE
// AvailabilityState) reports every change: plugging in the cable raises its Delta event (Part 2
// N07.FR.06/07/18/19). The manual action that changes the value is the cable.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { expectEvent } from './monitoring-events.js';
import { clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_56_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Alert Event - Delta value NOT numeric exceeded',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.18', 'N07.FR.19'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 1, checks: 'NotifyEvent with an eventData: trigger Delta, EVSE, AvailabilityState, variableMonitoringId of the monitor set in the memory state' },
  ],
  detects: ['no-delta-event'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      const id = await ctx.step('Memory state: Delta 1.0 on EVSE AvailabilityState', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1.0, monitoringConfig(ctx).severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
        return r?.['id'] as number;
      });
      const from = journalMark(ctx);
      await ctx.step('Manual action: change the EVSE availability (plug in the cable)', () => ctx.dut('plugIn', { evseId, connectorId: ctx.config.connectorId }));
      await ctx.step('Steps 1-2: NotifyEvent for the Delta monitor', () => expectEvent(ctx, { ...target, trigger: 'Delta', monitorId: id }, 1, { from }));
    } finally {
      await clearCreated(ctx);
    }
  },
});
