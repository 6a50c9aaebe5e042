/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_04_CS — Local start transaction, Authorization
 * first, Success. (Optionally ParkingBayOccupied, which the Authorized state runs when the station
 * starts on bay occupancy.) The reusable states Authorized (local) and EnergyTransferStarted, then
 * the §2.1 general rules over the whole transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkSession } from './session-checks.js';

export default defineTestCase({
  id: 'TC_E_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local start transaction - Authorization first - Success',
  useCases: ['E03', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E03.FR.01', 'E03.FR.06', 'E03.FR.12', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Errata 2025-01 §5.2: C-30, C-31, C-32, C-33 or C-35 (not MAC address, not ISO 15118 PnC).
  applies: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-35'].map((item) => ({ item })) },
  detects: ['no-authorize', 'skips-seqno'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, authConfiguration);
    await ctx.step('Step 1: Authorized (local)', () => ctx.state('Authorized', { method: 'local' }));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { method: 'local' }));
    await checkSession(ctx, { ended: false });
  },
});
