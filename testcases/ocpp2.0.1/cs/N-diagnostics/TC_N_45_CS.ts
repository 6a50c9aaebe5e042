// OCPP 2.0.1 Part 6 §2.15, TC_N_45_CS: a Delta monitor on the configured numeric variable (EVSE
// Power) raises a Delta event when the energy transfer starts (Part 2 N07.FR.06/07/18/19).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { expectEvent } from './monitoring-events.js';
import { clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_45_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Alert Event - Delta value exceeded',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.18', 'N07.FR.19'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'NotifyEvent with an eventData: trigger Delta, the configured component/variable, variableMonitoringId of our Delta monitor' },
  ],
  detects: ['no-delta-event'],
  async run(ctx) {
    await ready(ctx);
    const cfg = monitoringConfig(ctx);
    const target = { component: cfg.thresholdComponent, evseId: ctx.config.evseId, variable: cfg.thresholdVariable };
    try {
      const id = await ctx.step('Memory state: a Delta monitor on the configured variable', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', cfg.thresholdValue, cfg.severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the Delta monitor: ${String(r?.['status'])}`);
        return r?.['id'] as number;
      });
      const start = journalMark(ctx);
      await ctx.step('Step 1: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
      await ctx.step('Steps 2-3: NotifyEvent for the Delta monitor', () => expectEvent(ctx, { ...target, trigger: 'Delta', monitorId: id }, 2, { from: start }));
    } finally {
      await clearCreated(ctx);
    }
  },
});
