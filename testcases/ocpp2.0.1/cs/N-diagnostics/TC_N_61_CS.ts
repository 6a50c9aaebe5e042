// OCPP 2.0.1 Part 6 §2.15, TC_N_61_CS: a Delta monitor on OCPPCommCtrlr.OfflineThreshold (value 2)
// does not report a change of 1, and reports the change of 2 with the new value (Part 2 N07.FR.10;
// errata 2025-01 §3.4: the absolute difference from the value at the last event).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getVariable, journalMark, ready } from '../_shared/case-support.js';
import { checkEventField, eventMatches, eventsOf, expectEvent } from './monitoring-events.js';
import { clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

const ref = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_N_61_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Alert Event - Variable monitoring on numeric',
  useCases: ['N07'],
  requirements: ['N07.FR.10'],
  certification: [],
  validations: [
    { step: 2, checks: 'SetVariablesResponse Accepted or RebootRequired (threshold + 1)' },
    { step: 5, checks: 'SetVariablesResponse Accepted or RebootRequired (threshold + 2)' },
    { step: 7, checks: 'NotifyEvent eventData actualValue = threshold + 2 (and none after the change of 1)' },
  ],
  detects: ['delta-ignores-value'],
  async run(ctx) {
    await ready(ctx);
    const setTo = async (value: number, step: number): Promise<void> => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [{ component: { name: ref.component }, variable: { name: ref.variable }, attributeValue: String(value) }] });
      const r = (res['setVariableResult'] as Array<Record<string, unknown>> | undefined)?.[0];
      ctx.check('SetVariablesResponse attributeStatus', r?.['attributeStatus'] === 'Accepted' || r?.['attributeStatus'] === 'RebootRequired', { expected: 'Accepted or RebootRequired', actual: r?.['attributeStatus'] ?? 'absent', step });
      if (r?.['attributeStatus'] === 'RebootRequired') await ctx.state('Booted');
    };
    const current = Number(await getVariable(ctx, ref));
    if (!Number.isFinite(current)) ctx.inconclusive('OCPPCommCtrlr.OfflineThreshold could not be read');
    const want = { component: ref.component, variable: ref.variable, trigger: 'Delta' };
    try {
      const id = await ctx.step('Memory state: a Delta monitor (value 2) on OCPPCommCtrlr.OfflineThreshold', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(ref, 'Delta', 2, monitoringConfig(ctx).severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
        return r?.['id'] as number;
      });
      // +1, then +1 again: the second change reaches the delta of 2 from the installed value.
      const first = journalMark(ctx);
      await ctx.step('Steps 1-3: OfflineThreshold + 1 (no event: the delta is not reached)', () => setTo(current + 1, 2));
      await ctx.step('Steps 4-6: OfflineThreshold + 2', async () => {
        await ctx.sleep(300);
        const early = ctx.journal().filter((e) => e.index >= first && e.kind === 'callIn' && e.action === 'NotifyEvent' && eventsOf(e.payload).some((d) => eventMatches(d, { ...want, monitorId: id })));
        ctx.check('no NotifyEvent after a change of 1', early.length === 0, { expected: 'none', actual: early.length === 0 ? 'none' : `${early.length}`, step: 7 });
        await setTo(current + 2, 5);
      });
      const second = journalMark(ctx);
      await ctx.step('Steps 7-8: NotifyEvent with the new value', async () => {
        const { call, event } = await expectEvent(ctx, { ...want, monitorId: id }, 7, { from: Math.min(second, first) });
        checkEventField(ctx, call, 'eventData actualValue', Number(event['actualValue']) === current + 2, String(current + 2), event['actualValue'], 7);
      });
    } finally {
      await ctx.call('SetVariables', { setVariableData: [{ component: { name: ref.component }, variable: { name: ref.variable }, attributeValue: String(current) }] }).catch(() => undefined);
      await clearCreated(ctx);
    }
  },
});
