/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_05_CS — Local start transaction, Authorization
 * first, Cable plugin timeout (Part 2 E03.FR.05). Authorized (local) without a cable: after
 * EVConnectionTimeOut a transaction already started says EVConnectTimeout (Ended with Timeout when
 * TxStopPoint contains Authorized, else Updated); then a new Authorized and EnergyTransferStarted
 * prove the EVSE is ready for the next session.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { configure, configured, ready } from '../_shared/case-support.js';
import { txSettings } from '../_shared/expect.js';
import { openTransactionId, sessionOf, targetOf } from '../_shared/journal.js';
import { authorizedAtMs } from './connection-timeout.js';
import { checkEvent, anyOf } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_05_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local start transaction - Authorization first - Cable plugin timeout',
  useCases: ['E03', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E03.FR.01', 'E03.FR.05', 'E03.FR.06', 'E03.FR.12', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: one of the local start authorization options C-30 … C-35 (or ISO 15118 support).
  applies: anyOf('C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'),
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason EVConnectTimeout; Ended with stoppedReason Timeout when TxStopPoint contains Authorized, else Updated' }],
  detects: ['stuck-after-connection-timeout'],
  async run(ctx) {
    await ready(ctx);
    const timeoutS = configured(ctx).evConnectionTimeoutS;
    await configure(ctx, [
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(timeoutS) },
      ...authConfiguration,
      { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'false', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false' },
    ]);
    const { stopPoints } = await txSettings(ctx);
    await ctx.step('Before: Authorized (local)', () => ctx.state('Authorized', { method: 'local' }));
    const authorizedAt = authorizedAtMs(ctx);
    await ctx.step(`Steps 1-2: no cable within ${timeoutS} s`, async () => {
      if (openTransactionId(ctx) === undefined) {
        // Step 1 only when the transaction started (TxStartPoint ParkingBayOccupancy or Authorized).
        await ctx.sleep(Math.max(0, authorizedAt + timeoutS * 1000 + ctx.toleranceMs - ctx.clock.monoMs()));
        return;
      }
      const te = await ctx.expectGap('TransactionEvent', { after: { monoMs: authorizedAt }, minMs: timeoutS * 1000, withinMs: timeoutS * 1000 + ctx.config.messageTimeoutMs, match: (p) => p['triggerReason'] === 'EVConnectTimeout', step: 1 });
      checkEvent(ctx, te, stopPoints.includes('Authorized') ? { step: 1, triggerReason: ['EVConnectTimeout'], eventType: ['Ended'], stoppedReason: ['Timeout'] } : { step: 1, triggerReason: ['EVConnectTimeout'], eventType: ['Updated'] });
      sessionOf(ctx, targetOf(ctx, {}).evseId).txEnded = te.payload['eventType'] === 'Ended';
    });
    const s = sessionOf(ctx, targetOf(ctx, {}).evseId);
    s.authorized = false;
    await ctx.step('Step 3: Authorized (local) again', () => ctx.state('Authorized', { method: 'local' }));
    await ctx.step('Step 4: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { method: 'local' }));
  },
});
