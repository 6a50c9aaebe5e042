// OCPP 2.0.1 Part 6 §2.15, TC_N_16_CS: with SetMonitoringLevel 7, a severity-8 Delta monitor on
// EVSE AvailabilityState no longer reports: plugging in the cable raises no NotifyEvent for the EVSE
// (Part 2 N05.FR.01/03).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { eventsOf } from './monitoring-events.js';
import { clearCreated, monitoringData, setMonitoring } from './monitoring-support.js';
import { levelBefore } from './monitoring-level.js';
import { checkStatus } from './monitoring-status.js';

export default defineTestCase({
  id: 'TC_N_16_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Monitoring Level - Success',
  useCases: ['N05'],
  requirements: ['N05.FR.01', 'N05.FR.03'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetMonitoringLevelResponse Accepted, statusInfo absent or NoError' },
    { step: 'post', checks: 'after the cable is plugged in, no NotifyEvent for the configured EVSE' },
  ],
  detects: ['ignores-monitoring-level'],
  async run(ctx) {
    await ready(ctx);
    const level = await levelBefore(ctx);
    const evseId = ctx.config.evseId;
    try {
      await ctx.step('Memory state: a Delta monitor of severity 8 on EVSE AvailabilityState', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData({ component: 'EVSE', evseId, variable: 'AvailabilityState' }, 'Delta', 1, 8)]);
        if (r?.['status'] !== 'Accepted' && r?.['status'] !== 'Duplicate') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
      });
      await ctx.step('Steps 1-2: SetMonitoringLevel 7', async () => {
        checkStatus(ctx, 'SetMonitoringLevelResponse', await ctx.callExpect('SetMonitoringLevel', { severity: 7 }), ['Accepted'], ['NoError'], 2);
      });
      const from = journalMark(ctx);
      await ctx.step('Step 3: plug in the cable at the configured EVSE', () => ctx.dut('plugIn', { evseId, connectorId: ctx.config.connectorId }));
      await ctx.step('Post scenario: no NotifyEvent for the configured EVSE', async () => {
        const forEvse = (p: Record<string, unknown>): boolean =>
          eventsOf(p).some((e) => {
            const c = e['component'] as Record<string, unknown> | undefined;
            return (c?.['evse'] as Record<string, unknown> | undefined)?.['id'] === evseId && (c?.['name'] === 'EVSE' || c?.['name'] === 'Connector');
          });
        // From the plug-in on (the event may come while the cable goes in), for the tolerance.
        await ctx.sleep(Math.max(1_000, Math.min(ctx.config.messageTimeoutMs, ctx.toleranceMs)));
        const sent = ctx.journal().filter((e) => e.index >= from && e.kind === 'callIn' && e.action === 'NotifyEvent' && forEvse(e.payload));
        ctx.check('no NotifyEvent about the configured EVSE', sent.length === 0, { expected: 'none (severity 8 is above the level 7)', actual: sent.length === 0 ? 'none' : `${sent.length}: ${sent.map((e) => JSON.stringify(e.kind === 'callIn' ? e.payload['eventData'] : '')).join(' ').slice(0, 300)}`, frames: sent.flatMap((e) => ('frameSeq' in e && typeof e.frameSeq === 'number' ? [e.frameSeq] : [])) });
      });
    } finally {
      await ctx.call('SetMonitoringLevel', { severity: level }).catch(() => undefined);
      await clearCreated(ctx);
    }
  },
});
