// OCPP 2.0.1 Part 6 §2.3, TC_B_02_CS: while its registration is Pending the station answers the
// CSMS (variables, report), refuses to start a transaction, sends nothing of its own but the boot,
// and boots again at once when triggered.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { baseReport } from './base-report.js';
import { bootAnswer, callsBetween, checkNothingElseSent, expectAllConnectors, rebootWithinMs } from './boot.js';
import { checkResult, resultFor, varData } from './variables.js';

const offlineThreshold = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Cold Boot Charging Station - Pending',
  useCases: ['B02', 'F06'],
  requirements: ['B02.FR.01', 'B02.FR.02', 'B02.FR.04', 'B02.FR.05', 'B02.FR.06', 'B02.FR.08', 'F06.FR.17'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 4, checks: 'SetVariables OfflineThreshold = 300 is Accepted while Pending' },
    { step: 6, checks: 'GetVariables OfflineThreshold is Accepted while Pending' },
    { step: 12, checks: 'RequestStartTransaction is Rejected while Pending' },
    { step: 14, checks: 'TriggerMessage BootNotification is Accepted (or NotImplemented)' },
    { step: 15, checks: 'BootNotification answered Accepted' },
    { step: 17, checks: 'every connector reported Available' },
    { step: 8, checks: 'GetBaseReport FullInventory is Accepted while Pending' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['sends-before-boot-accepted', 'accepts-remote-start-while-pending'],
  async run(ctx) {
    await stationReady(ctx);
    const intervalS = ctx.config.heartbeatIntervalS;
    let accept = false;
    ctx.respond('BootNotification', () => bootAnswer(accept ? 'Accepted' : 'Pending', intervalS));

    let pending: ObservedCall | undefined;
    await ctx.step('Manual action: reboot; steps 1-2: BootNotification answered Pending', async () => {
      const from = journalEnd(ctx);
      await ctx.dut('powerCycle');
      pending = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx) });
    });
    const first = pending as ObservedCall;

    await ctx.step('Before step 3: read OfflineThreshold (so it can be restored afterwards)', async () => {
      await ctx.call('GetVariables', { getVariableData: [varData(offlineThreshold)] });
    });
    await ctx.step('Steps 3-4: SetVariables OfflineThreshold = 300 is Accepted while Pending', async () => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(offlineThreshold, { attributeValue: '300' })] });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'setVariableResult', offlineThreshold), { attributeStatus: 'Accepted' });
    });
    await ctx.step('Steps 5-6: GetVariables OfflineThreshold is Accepted while Pending', async () => {
      const res = await ctx.callExpect('GetVariables', { getVariableData: [varData(offlineThreshold)] });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'getVariableResult', offlineThreshold), { attributeStatus: 'Accepted' });
    });
    await baseReport(ctx, 'FullInventory', ['Steps 7-8', 'Steps 9-10']);
    await ctx.step('Steps 11-12: RequestStartTransaction is Rejected while Pending', async () => {
      const token = ctx.config.idTokens.valid;
      await ctx.callExpect(
        'RequestStartTransaction',
        { idToken: { idToken: token.idToken, type: token.type }, evseId: ctx.config.evseId, remoteStartId: Math.floor(Math.random() * 1_000_000) + 1 },
        { match: { status: 'Rejected' } },
      );
    });

    let triggered = false;
    let beforeTrigger = 0;
    await ctx.step('Steps 13-14: TriggerMessage BootNotification is Accepted (or NotImplemented)', async () => {
      // While Pending the station sends nothing but BootNotification (and the report it was asked for).
      checkNothingElseSent(ctx, 'no CALL of its own while Pending', first, journalEnd(ctx), ['BootNotification', 'NotifyReport']);
      // It retries only after the interval: a second Pending boot before that is too early.
      const early = callsBetween(ctx, first.index, journalEnd(ctx), []).find((e) => e.action === 'BootNotification' && e.monoMs - first.monoMs < intervalS * 1000 - ctx.toleranceMs);
      ctx.check('no BootNotification retry before the interval of the Pending answer', early === undefined, {
        expected: `none within ${intervalS} s (− ${ctx.toleranceMs} ms tolerance)`,
        actual: early ? `after ${Math.round(early.monoMs - first.monoMs)} ms` : 'none',
        ...(early?.frameSeq === undefined ? {} : { frames: [early.frameSeq] }),
      });
      accept = true;
      beforeTrigger = journalEnd(ctx);
      const res = await ctx.callExpect('TriggerMessage', { requestedMessage: 'BootNotification' });
      ctx.check('TriggerMessageResponse status', res['status'] === 'Accepted' || res['status'] === 'NotImplemented', { expected: 'Accepted or NotImplemented', actual: res['status'] });
      triggered = res['status'] === 'Accepted';
    });
    let boot: ObservedCall | undefined;
    await ctx.step('Steps 15-16: BootNotification answered Accepted', async () => {
      // Triggered: right after the TriggerMessage, before the interval; otherwise at the interval.
      boot = await ctx.expectCall('BootNotification', { withinMs: triggered ? ctx.config.messageTimeoutMs : intervalS * 1000 + ctx.toleranceMs + ctx.config.messageTimeoutMs });
      if (triggered) ctx.check('BootNotification reason', boot.payload['reason'] === 'Triggered', { expected: 'Triggered', actual: boot.payload['reason'], ...(boot.frameSeq === undefined ? {} : { frames: [boot.frameSeq] }), step: 15 });
      // Still Pending until this boot is answered Accepted: nothing of its own before it either.
      const extra = callsBetween(ctx, beforeTrigger - 1, boot.index, ['BootNotification', 'NotifyReport']);
      ctx.check('no CALL of its own before the Accepted BootNotification', extra.length === 0, {
        expected: 'no CALL other than BootNotification / NotifyReport while Pending',
        actual: extra.length === 0 ? 'none' : extra.map((e) => e.action).join(', '),
        frames: [...extra.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])), ...(boot.frameSeq === undefined ? [] : [boot.frameSeq])],
        step: 15,
      });
    });
    await ctx.step('Steps 17-18: every connector reported Available', async () => {
      await expectAllConnectors(ctx, (boot as ObservedCall).index);
    });
  },
});
