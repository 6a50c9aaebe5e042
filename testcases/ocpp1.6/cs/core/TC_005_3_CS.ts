/**
 * OCPP 1.6 TC_005_3_CS — EV Side Disconnected - StopTransactionOnEVSideDisconnect = false -
 * UnlockConnectorOnEVSideDisconnect = false (OCTT 1.6 document §2.3.5; prerequisite:
 * StopTransactionOnEVSideDisconnect implemented and read-write). From the reusable state Charging
 * the EV driver unplugs at the EV side: the transaction goes on, SuspendedEV and/or SuspendedEVSE
 * (step 1); RemoteStopTransaction.req ends it: Finishing (Available with a fixed cable, step 5) and
 * StopTransaction.req reason Remote (step 7), in either order. 1.6 §4.10, §9.1.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, framesOf, fromNow, journalMark, noteTransactionEnded } from '../_shared/charge-point.js';
import { applyConfigurationStates, minimumStatusDurationZero } from '../_shared/config-states.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_005_3_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Stop Charging Session',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false',
  useCases: ['Stop Transaction', 'Status Notification', 'Remote Stop Transaction'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §5.12', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'CFG-StopTransactionOnEVSideDisconnectSettable' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req SuspendedEV and/or SuspendedEVSE after the EV-side unplug; the transaction goes on' },
    { step: 5, checks: 'StatusNotification.req Finishing (Available with a fixed cable) after the remote stop' },
    { step: 7, checks: 'StopTransaction.req reason Remote' },
  ],
  detects: ['stops-on-ev-disconnect-regardless', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const fixedCable = ctx.pics.items['HW-FixedCable'] === true;
    await applyConfigurationStates(ctx, [minimumStatusDurationZero, { key: 'StopTransactionOnEVSideDisconnect', value: 'false' }, { key: 'UnlockConnectorOnEVSideDisconnect', value: 'false' }]);
    const transactionId = await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    if (transactionId === undefined) return ctx.inconclusive('the Charging state gave no transactionId to stop');
    await ctx.step('Steps 1-2: the EV driver unplugs at the EV side: StatusNotification.req SuspendedEV / SuspendedEVSE, no StopTransaction.req', async () => {
      const since = journalMark(ctx);
      fromNow(ctx);
      await ctx.dut('unplugEvSide', { connectorId });
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 1 });
      const status = sn.payload['status'];
      ctx.check('status is SuspendedEV or SuspendedEVSE', status === 'SuspendedEV' || status === 'SuspendedEVSE', { expected: 'SuspendedEV and/or SuspendedEVSE', actual: status, frames: framesOf(sn), step: 1 });
      // The info text is free format in 1.6 (StatusNotification.req info, CiString50): the document's
      // wording is what OCTT looks for, a difference is a compatibility note.
      const info = typeof sn.payload['info'] === 'string' ? sn.payload['info'] : '';
      ctx.check('info says the EV side is disconnected', /ev.*disconnect/i.test(info), { expected: 'EV side disconnected', actual: info || 'absent', frames: framesOf(sn), severity: 'warning', step: 1 });
      await expectNone(ctx, 'StopTransaction', since, { wait: false });
    });
    await ctx.step('Steps 3-8: RemoteStopTransaction.req: StatusNotification.req Finishing, StopTransaction.req reason Remote', async () => {
      fromNow(ctx);
      await ctx.call('RemoteStopTransaction', { transactionId });
      const want = fixedCable ? 'Available' : 'Finishing';
      const [sn, stop] = await ctx.expectAll(
        [{ action: 'StatusNotification', match: (p) => p['connectorId'] === connectorId && p['status'] !== 'SuspendedEV' && p['status'] !== 'SuspendedEVSE', describe: `connectorId ${connectorId}, the status after the stop` }, { action: 'StopTransaction' }],
        { anyOrder: 'OCTT 1.6 TC_005_3_CS: "Step 5 and step 7 may be reversed"', step: 5 },
      );
      noteTransactionEnded(ctx, connectorId);
      ctx.check(`status is ${want}`, sn?.payload['status'] === want, { expected: want, actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
      ctx.check('reason is Remote', stop?.payload['reason'] === 'Remote', { expected: 'Remote', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 7 });
    });
    return undefined;
  },
});
