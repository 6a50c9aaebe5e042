/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_06_CS — Local Stop Transaction, Accepted.
 * From EnergyTransferStarted: StopAuthorized (local: the same idToken again), EVConnectedPostSession,
 * EVDisconnected, ParkingBayUnoccupied; then the §2.1 general rules: the transaction ended once,
 * with the last seqNo, stoppedReason Local or omitted (checked by StopAuthorized / here).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkSession } from './session-checks.js';

export default defineTestCase({
  id: 'TC_E_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local Stop Transaction - Accepted',
  useCases: ['E07', 'C01', 'C02', 'C04'],
  requirements: ['E07.FR.04', 'E06.FR.15', 'C01.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: local stop with one of C-30, C-31, C-32 or C-35.
  applies: { any: ['C-30', 'C-31', 'C-32', 'C-35'].map((item) => ({ item })) },
  detects: ['no-transaction-event-ended', 'wrong-stop-reason'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, authConfiguration);
    const p = { method: 'local', stopMethod: 'local' };
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', p));
    await ctx.step('Step 1: StopAuthorized (local)', () => ctx.state('StopAuthorized', p));
    await ctx.step('Step 2: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession', p));
    await ctx.step('Step 3: EVDisconnected', () => ctx.state('EVDisconnected', p));
    await ctx.step('Step 4: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied', p));
    await checkSession(ctx, { ended: true, stoppedReason: ['Local'] });
  },
});
