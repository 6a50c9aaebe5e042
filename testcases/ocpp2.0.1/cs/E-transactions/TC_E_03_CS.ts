/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_03_CS — Local start transaction, Cable plugin
 * first, Success. From EVConnectedPreSession: the reusable states Authorized (local) and
 * EnergyTransferStarted; then the §2.1 general rules over the whole transaction (Started first,
 * seqNo without gaps, one transactionId).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkSession } from './session-checks.js';

export default defineTestCase({
  id: 'TC_E_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local start transaction - Cable plugin first - Success',
  useCases: ['E02', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E02.FR.01', 'E02.FR.05', 'E02.FR.06', 'E02.FR.07', 'E02.FR.13', 'E02.FR.15', 'E02.FR.16', 'E02.FR.17', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: no cable lock (AQ-2) and a local start authorization option C-30 … C-35.
  applies: { all: [{ not: { item: 'AQ-2' } }, { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'].map((item) => ({ item })) }] },
  detects: ['no-authorize', 'skips-seqno'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, authConfiguration);
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 1: Authorized (local)', () => ctx.state('Authorized', { method: 'local' }));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { method: 'local' }));
    await checkSession(ctx, { ended: false });
  },
});
