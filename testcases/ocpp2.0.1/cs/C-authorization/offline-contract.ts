/**
 * What TC_C_54_CS and TC_C_55_CS share (Part 6 §2.4, Part 2 C07.FR.07-12): offline Plug & Charge.
 * With the roots installed and the valid idToken cached and listed, the harness goes away; the EV
 * drives in and connects (and offers its contract certificate); after the configured transaction
 * duration the harness takes the station back. Step 3: the connector is reported Occupied
 * (StatusNotification, or NotifyEvent Delta Connector.AvailabilityState); step 5: a TransactionEvent
 * CablePluggedIn, when there is one (TxStartPoint EVConnected or ParkingBayOccupancy), says
 * chargingState EVConnected and offline true.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { configure, journalMark } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { callsIn, frames, obj, parkedEvses, sessionOf } from '../_shared/journal.js';
import { backOnline, goOffline } from '../_shared/offline.js';
import { configuredVersion } from '../D-local-list/local-list.js';

export async function offlineContractSession(ctx: TestContext, contractValidationOffline: boolean): Promise<number> {
  const waitMinS = Number(ctx.config.extra['retryBackOffWaitMinimumS'] ?? 1);
  await configure(ctx, [
    { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
    { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', ifImplemented: true },
    { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(waitMinS + 60) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(waitMinS) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
    { component: 'ISO15118Ctrlr', variable: 'ContractValidationOffline', value: String(contractValidationOffline) },
    { component: 'ISO15118Ctrlr', variable: 'PnCEnabled', value: 'true' },
  ]);
  await ctx.state('CertificateInstalled', { certificateType: 'V2GRootCertificate' });
  await ctx.state('CertificateInstalled', { certificateType: 'MORootCertificate' });
  await ctx.state('IdTokenCached');
  await ctx.state('IdTokenLocalAuthList', { versionNumber: configuredVersion(ctx) });
  const since = journalMark(ctx);
  const t = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
  await ctx.step('Steps 1-2: offline, the EV drives in and connects with its contract; back online after the transaction duration', async () => {
    await goOffline(ctx, `${ctx.id} step 1`);
    await ctx.dut('driveIn', { evseId: t.evseId });
    await ctx.dut('plugIn', t);
    await ctx.dut('presentContractCertificate', { evseId: t.evseId });
    await ctx.sleep(ctx.toleranceMs);
    await backOnline(ctx);
    const s = sessionOf(ctx, t.evseId);
    s.parked = true;
    parkedEvses.add(t.evseId);
    s.evConnected = true;
    s.disconnected = false;
  });
  await ctx.step('Steps 3-4: the connector is reported Occupied', async () => {
    const report = await expectConnectorStatus(ctx, 'Occupied', t, { from: since });
    if (report.action === 'StatusNotification') {
      ctx.check('StatusNotificationRequest connectorStatus', report.payload['connectorStatus'] === 'Occupied', { expected: 'Occupied', actual: report.payload['connectorStatus'] ?? 'absent', frames: frames(report), step: 3 });
    } else {
      const data = Array.isArray(report.payload['eventData']) ? obj((report.payload['eventData'] as unknown[])[0]) : undefined;
      const got = { trigger: data?.['trigger'], actualValue: data?.['actualValue'], component: obj(data?.['component'])?.['name'], variable: obj(data?.['variable'])?.['name'] };
      const want = { trigger: 'Delta', actualValue: 'Occupied', component: 'Connector', variable: 'AvailabilityState' };
      ctx.check('NotifyEventRequest eventData[0]', JSON.stringify(got) === JSON.stringify(want), { expected: want, actual: got, frames: frames(report), step: 3 });
    }
  });
  await ctx.step('Steps 5-6: a CablePluggedIn TransactionEvent (when there is one) says EVConnected, offline', async () => {
    const plugged = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= since && e.payload['triggerReason'] === 'CablePluggedIn');
    if (plugged === undefined) return;
    const ok = obj(plugged.payload['transactionInfo'])?.['chargingState'] === 'EVConnected' && plugged.payload['offline'] === true;
    ctx.check('TransactionEventRequest CablePluggedIn: chargingState EVConnected, offline true', ok, {
      expected: 'chargingState EVConnected, offline true',
      actual: { chargingState: obj(plugged.payload['transactionInfo'])?.['chargingState'] ?? 'absent', offline: plugged.payload['offline'] ?? 'absent' },
      frames: plugged.frameSeq === undefined ? [] : [plugged.frameSeq],
      step: 5,
    });
  });
  return since;
}
