// OCPP 2.0.1 Part 6 §2.15, TC_N_20_CS: an UpperThreshold on the configured numeric variable (EVSE
// Power) raises an Alerting event when the energy transfer starts; with a LowerThreshold added,
// stopping raises the cleared event of the first and the Alerting event of the second (Part 2
// N07.FR.06/07/16/17). Memory State: SetMonitoringBase All and the UpperThreshold monitor.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { checkEventField, expectEvent } from './monitoring-events.js';
import { clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_20_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Alert Event - Threshold value exceeded',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.16', 'N07.FR.17'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'NotifyEvent generatedAt, seqNo 0, an eventData: eventId, timestamp, Alerting, actualValue above the threshold, not cleared, the transactionId, our monitor id, the configured component/EVSE/variable' },
    { step: 7, checks: 'NotifyEvent(s): the UpperThreshold monitor cleared (actualValue at most the threshold, CustomMonitor) and the LowerThreshold monitor Alerting (actualValue below its value, not cleared, CustomMonitor), both with the transactionId' },
  ],
  detects: ['no-threshold-event'],
  async run(ctx) {
    await ready(ctx);
    const cfg = monitoringConfig(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: cfg.thresholdComponent, evseId, variable: cfg.thresholdVariable };
    try {
      const upper = await ctx.step('Memory state: SetMonitoringBase All and the UpperThreshold monitor', async () => {
        await ctx.callExpect('SetMonitoringBase', { monitoringBase: 'All' });
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'UpperThreshold', cfg.thresholdValue, cfg.severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the UpperThreshold monitor: ${String(r?.['status'])}`);
        return r?.['id'] as number;
      });
      const start = journalMark(ctx);
      await ctx.step('Step 1: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
      const txId = await ctx.step('Steps 2-3: NotifyEvent for the exceeded UpperThreshold', async () => {
        const { call, event } = await expectEvent(ctx, { ...target, trigger: 'Alerting', monitorId: upper, cleared: false }, 2, { from: start, header: true });
        checkEventField(ctx, call, 'eventId', typeof event['eventId'] === 'number', 'a number', event['eventId'], 2);
        checkEventField(ctx, call, 'timestamp', typeof event['timestamp'] === 'string', 'the time of the event', event['timestamp'], 2);
        checkEventField(ctx, call, 'actualValue above the threshold', Number(event['actualValue']) > cfg.thresholdValue, `> ${cfg.thresholdValue}`, event['actualValue'], 2);
        checkEventField(ctx, call, 'transactionId', typeof event['transactionId'] === 'string', 'the transaction id', event['transactionId'], 2);
        return event['transactionId'];
      });
      const lower = await ctx.step('Steps 4-5: SetVariableMonitoring LowerThreshold', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'LowerThreshold', cfg.threshold2Value, cfg.severity)]);
        ctx.check('SetVariableMonitoringResponse status', r?.['status'] === 'Accepted', { expected: 'Accepted', actual: r?.['status'] ?? 'absent' });
        return r?.['id'];
      });
      const stop = journalMark(ctx);
      await ctx.step('Step 6: StopAuthorized', () => ctx.state('StopAuthorized'));
      await ctx.step('Steps 7-8: NotifyEvent(s): UpperThreshold cleared, LowerThreshold reached', async () => {
        const cleared = await expectEvent(ctx, { ...target, trigger: 'Alerting', monitorId: upper, cleared: true }, 7, { from: stop, header: true });
        checkEventField(ctx, cleared.call, 'cleared event: actualValue at most the threshold', Number(cleared.event['actualValue']) <= cfg.thresholdValue, `<= ${cfg.thresholdValue}`, cleared.event['actualValue'], 7);
        checkEventField(ctx, cleared.call, 'cleared event: eventNotificationType', cleared.event['eventNotificationType'] === 'CustomMonitor', 'CustomMonitor', cleared.event['eventNotificationType'], 7);
        checkEventField(ctx, cleared.call, 'cleared event: transactionId', cleared.event['transactionId'] === txId, txId, cleared.event['transactionId'], 7);
        if (typeof lower !== 'number') return;
        const below = await expectEvent(ctx, { ...target, trigger: 'Alerting', monitorId: lower, cleared: false }, 7, { from: stop, header: true });
        checkEventField(ctx, below.call, 'lower event: actualValue below the LowerThreshold', Number(below.event['actualValue']) < cfg.threshold2Value, `< ${cfg.threshold2Value}`, below.event['actualValue'], 7);
        checkEventField(ctx, below.call, 'lower event: eventNotificationType', below.event['eventNotificationType'] === 'CustomMonitor', 'CustomMonitor', below.event['eventNotificationType'], 7);
        checkEventField(ctx, below.call, 'lower event: transactionId', below.event['transactionId'] === txId, txId, below.event['transactionId'], 7);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
