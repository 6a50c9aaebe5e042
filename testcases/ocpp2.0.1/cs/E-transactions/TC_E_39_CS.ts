/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_39_CS — Stop transaction options, Deauthorized,
 * timeout (with errata 2025-01 §6.2.11). Authorized, but no cable within TxCtrlr.EVConnectionTimeOut:
 * a transaction already started gets EVConnectTimeout (Updated when it started on bay occupancy,
 * else Ended with stoppedReason Timeout). A cable plugged in afterwards is reported Occupied and
 * must not lead to charging (Part 2 E06.FR.04, E06.FR.15).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { expectConnectorStatus, txSettings } from '../_shared/expect.js';
import { openTransactionId } from '../_shared/journal.js';
import { configure, configured, fromNow, ready } from '../_shared/case-support.js';
import { authorizedAtMs, expectConnectTimeout } from './connection-timeout.js';

export default defineTestCase({
  id: 'TC_E_39_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - timeout',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason EVConnectTimeout, stoppedReason Timeout, eventType Updated (TxStartPoint ParkingBayOccupancy) else Ended' },
    { step: 3, checks: 'TransactionEvent triggerReason CablePluggedIn, chargingState not Charging, eventType by TxStartPoint' },
  ],
  detects: ['ignores-ev-connection-timeout'],
  async run(ctx) {
    await ready(ctx);
    const timeoutS = configured(ctx).evConnectionTimeoutS;
    const { startPoints, stopPoints } = await txSettings(ctx);
    await configure(ctx, [
      // "If the mutability of TxStopPoint is ReadWrite then TxStopPoint contains Authorized".
      ...(stopPoints.includes('Authorized') ? [] : [{ component: 'TxCtrlr', variable: 'TxStopPoint', value: [...stopPoints, 'Authorized'].join(','), ifImplemented: true }]),
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(timeoutS) },
      ...authConfiguration,
    ]);
    await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
    const authorizedAt = authorizedAtMs(ctx);
    const onBay = startPoints.includes('ParkingBayOccupancy');
    await ctx.step(`Steps 1-2: no cable within ${timeoutS} s`, async () => {
      if (openTransactionId(ctx) !== undefined) {
        await expectConnectTimeout(ctx, authorizedAt, timeoutS, onBay ? 'Updated' : 'Ended');
      } else {
        await ctx.sleep(Math.max(0, authorizedAt + timeoutS * 1000 + ctx.toleranceMs - ctx.clock.monoMs()));
      }
    });
    fromNow(ctx);
    const pluggedFrom = ctx.cursor();
    await ctx.step('Steps 3-4: plug in after the timeout: connector Occupied', async () => {
      await ctx.dut('plugIn', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId });
      await expectConnectorStatus(ctx, 'Occupied', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, { from: pluggedFrom });
    });
    await ctx.step('Steps 5-6: no charging without a new authorization', async () => {
      await ctx.expectNoCall('TransactionEvent', {
        forMs: ctx.config.messageTimeoutMs,
        match: (p) => (p['transactionInfo'] as { chargingState?: unknown } | undefined)?.chargingState === 'Charging',
        describe: 'chargingState Charging',
      });
      for (const e of ctx.journal()) {
        if (e.kind !== 'callIn' || e.action !== 'TransactionEvent' || e.index < pluggedFrom) continue;
        ctx.check('TransactionEvent after the plug-in: triggerReason', e.payload['triggerReason'] === 'CablePluggedIn', { expected: 'CablePluggedIn', actual: e.payload['triggerReason'], ...(e.frameSeq === undefined ? {} : { frames: [e.frameSeq] }) });
      }
    });
  },
});
