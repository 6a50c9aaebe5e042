/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_07_CS — Stop transaction options, PowerPathClosed,
 * Local stop (Part 2 E06 S5). TxStopPoint PowerPathClosed (not Authorized): from
 * EnergyTransferStarted, the idToken presented again opens the power path, which ends the
 * transaction (the reusable state StopAuthorized, with the stop point reached).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkSession } from './session-checks.js';
import { anyOf, configurableOrNone, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_07_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - PowerPathClosed - Local stop',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.3 and (C-52 or NOT C-10.2) and (C-30 or C-31 or C-32 or C-35).
  applies: { all: [{ item: 'C-10.3' }, configurableOrNone('C-52', 'C-10.2'), anyOf('C-30', 'C-31', 'C-32', 'C-35')] },
  detects: ['stop-point-authorized-ignored'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['PowerPathClosed'], excludes: ['Authorized'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Manual action and step 1: present the idToken; StopAuthorized (local)', () => ctx.state('StopAuthorized', { stopMethod: 'local' }));
    await checkSession(ctx, { ended: true, stoppedReason: ['Local'] });
  },
});
