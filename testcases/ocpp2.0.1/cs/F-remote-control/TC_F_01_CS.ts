/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_01_CS — Remote start transaction, Cable plugin
 * first. From EVConnectedPreSession: Authorized (remote: RequestStartTransaction, the first
 * TransactionEvent after it with triggerReason RemoteStart and the remoteStartId) and
 * EnergyTransferStarted; then the §2.1 general rules over the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Remote start transaction - Cable plugin first',
  useCases: ['F01'],
  requirements: ['F01.FR.03', 'F01.FR.04', 'F01.FR.05', 'F01.FR.13', 'F01.FR.17', 'F01.FR.19', 'F02.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: no cable lock (AQ-2) and remote start with C-36 (ISO 14443) or C-39 (NoAuthorization).
  applies: { all: [{ not: { item: 'AQ-2' } }, { any: [{ item: 'C-36' }, { item: 'C-39' }] }] },
  detects: ['remote-start-ignored'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, authConfiguration);
    const p = { method: 'remote' };
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession', p));
    await ctx.step('Step 1: Authorized (remote)', () => ctx.state('Authorized', p));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', p));
    await checkSession(ctx, { ended: false });
  },
});
