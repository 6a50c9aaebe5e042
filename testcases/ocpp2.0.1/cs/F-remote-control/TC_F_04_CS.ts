/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_04_CS — Remote start transaction, Remote start
 * first, Cable plugin timeout (prerequisite removed by errata 2025-01 §6.2.14). After a remote start
 * nobody plugs in: once TxCtrlr.EVConnectionTimeOut has passed the station ends the transaction it
 * started (EVConnectTimeout, Ended) and is ready for the next remote start (Part 2 E03.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { authorizedAtMs, expectConnectTimeout } from '../E-transactions/connection-timeout.js';
import { txSettings } from '../_shared/expect.js';
import { openTransactionId } from '../_shared/journal.js';
import { configure, configured, fromNow, ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote start transaction - Remote start first - Cable plugin timeout',
  useCases: ['F02', 'E03'],
  requirements: ['F02.FR.01', 'E03.FR.01', 'E03.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason EVConnectTimeout, eventType Ended' },
  ],
  detects: ['ignores-ev-connection-timeout'],
  async run(ctx) {
    await ready(ctx);
    const timeoutS = configured(ctx).evConnectionTimeoutS;
    const { startPoints } = await txSettings(ctx);
    const startsOnAuth = startPoints.includes('ParkingBayOccupancy') || startPoints.includes('Authorized');
    await configure(ctx, [
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(timeoutS) },
      ...authConfiguration,
      // Part 6: TxStartPoint ParkingBayOccupancy or Authorized (where the station lets us choose).
      ...(startsOnAuth ? [] : [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: 'Authorized', ifImplemented: true }]),
    ]);
    await ctx.step('Before: Authorized (remote)', () => ctx.state('Authorized', { method: 'remote' }));
    const authorizedAt = authorizedAtMs(ctx);
    const started = openTransactionId(ctx);
    await ctx.step(`Steps 1-2: no cable within ${timeoutS} s`, async () => {
      if (started !== undefined) {
        await expectConnectTimeout(ctx, authorizedAt, timeoutS, 'Ended');
      } else {
        // No transaction was started, so there is nothing to end: just let the timeout pass.
        await ctx.sleep(Math.max(0, authorizedAt + timeoutS * 1000 + ctx.toleranceMs - ctx.clock.monoMs()));
      }
    });
    fromNow(ctx);
    await ctx.step('Step 3: Authorized (remote) again: the EVSE is ready for a new session', () => ctx.state('Authorized', { method: 'remote' }));
  },
});
