/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_37_CS — Stop transaction options, PowerPathClosed,
 * EV side disconnect (Part 2 E06 S5). TxStopPoint PowerPathClosed (not EnergyTransfer, not
 * EVConnected), StopTxOnEVSideDisconnect false: from EnergyTransferSuspended the cable leaves the EV,
 * the power path opens and the transaction ends (EVCommunicationLost, Idle, EVDisconnected or
 * StoppedByEV).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkEvent, configurableOrNone, configurePoints } from './tx-points.js';
import { evSideDisconnect } from './tx-stops.js';

export default defineTestCase({
  id: 'TC_E_37_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - PowerPathClosed - EV side disconnect',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.3 and (C-52 or NOT (C-10.1 or C-10.4)) AND (AQ-9 or Mode 1/2-only).
  applies: { all: [{ item: 'C-10.3' }, configurableOrNone('C-52', 'C-10.1', 'C-10.4'), { item: 'AQ-9' }] },
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason EVCommunicationLost, chargingState Idle, stoppedReason EVDisconnected or StoppedByEV, eventType Ended' }],
  detects: ['ev-side-disconnect-not-ended'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['PowerPathClosed'], excludes: ['EnergyTransfer', 'EVConnected', 'DataSigned'] }], [{ component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false', ifImplemented: true }]);
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    await ctx.step('Manual action and steps 1-2: disconnect the cable at the EV side; the transaction ends', async () => {
      const { te } = await evSideDisconnect(ctx);
      checkEvent(ctx, te, { step: 1, triggerReason: ['EVCommunicationLost'], chargingState: ['Idle'], stoppedReason: ['EVDisconnected', 'StoppedByEV'], eventType: ['Ended'] });
    });
  },
});
