/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_54_CS — Stop transaction options, EVDisconnected,
 * EV side (not able to charge IEC 61851-1 EV) (Part 2 E06 S2, E10). As TC_E_20_CS for a station
 * with high-level communication: losing the EV ends the transaction (EVCommunicationLost, Idle,
 * stoppedReason StoppedByEV or EVDisconnected).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkEvent, configurePoints } from './tx-points.js';
import { evSideDisconnect } from './tx-stops.js';

export default defineTestCase({
  id: 'TC_E_54_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - EVDisconnected - EV side (not able to charge IEC 61851-1 EV)',
  useCases: ['E06', 'E10'],
  requirements: ['E06.FR.02', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.1 AND NOT (NOT C-52 AND (C-10.2 or C-10.3 or C-10.4)) AND (HFS-4 or ISO 15118 support).
  applies: {
    all: [{ item: 'C-10.1' }, { not: { all: [{ not: { item: 'C-52' } }, { any: [{ item: 'C-10.2' }, { item: 'C-10.3' }, { item: 'C-10.4' }] }] } }, { any: [{ item: 'HFS-4' }, { item: 'CP-ISO15118Support' }] }],
  },
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason EVCommunicationLost, chargingState Idle, stoppedReason StoppedByEV or EVDisconnected, eventType Ended' }],
  detects: ['ev-side-disconnect-not-ended'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['EVConnected'], excludes: ['EnergyTransfer', 'PowerPathClosed'] }], [{ component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false', ifImplemented: true }]);
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    await ctx.step('Manual action and steps 1-2: disconnect the cable at the EV side; the transaction ends', async () => {
      const { te } = await evSideDisconnect(ctx);
      checkEvent(ctx, te, { step: 1, triggerReason: ['EVCommunicationLost'], chargingState: ['Idle'], stoppedReason: ['StoppedByEV', 'EVDisconnected'], eventType: ['Ended'] });
    });
  },
});
