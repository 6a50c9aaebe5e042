/**
 * OCPP 2.0.1 Part 6 §3.13 (L Firmware Management), TC_L_13_CSMS — Secure Firmware Update, unable
 * to download/install with an ongoing transaction (AllowNewSessionsPendingFirmwareUpdate false):
 * during a transaction the CSMS sends UpdateFirmware with its configured signing certificate (Part 2
 * L01.FR.01/11); the simulated station schedules the download, sets its idle connectors Unavailable,
 * lets the transaction end (StopAuthorized, EVConnectedPostSession, EVDisconnected after the
 * configured transaction duration), then downloads, installs, reboots (the CSMS must accept its
 * boot) and reports Installed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { connectorsOf, reportStatus, stationOf, transactionDurationMs } from '../_shared/station.js';
import { expectUpdateFirmware, firmwareStatus, rebootInstalled, waitUntil } from './update-firmware.js';

export default defineTestCase({
  id: 'TC_L_13_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'L',
  title: 'Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false',
  useCases: ['L01'],
  requirements: ['L01.FR.01', 'L01.FR.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'UpdateFirmwareRequest firmware.signingCertificate is the configured one' },
    // Part 6 places this validation at step 19; in its table the BootNotificationResponse is step 21.
    { step: 19, checks: 'BootNotificationResponse (reason FirmwareUpdate, table step 21) status Accepted' },
  ],
  detects: ['update-firmware-without-signature', 'ignores-trigger'],
  async run(ctx) {
    const seen = await ctx.step('Steps 1-2: the CSMS sends UpdateFirmware during the transaction; the station accepts', () => expectUpdateFirmware(ctx, { checkSignature: 'certificate' }, 'Accepted'));
    const { requestId } = seen;
    await ctx.step('Steps 3-4: DownloadScheduled', () => firmwareStatus(ctx, 'DownloadScheduled', requestId));
    await ctx.step('Steps 5-6: the connectors without a transaction become Unavailable', async () => {
      const busy = stationOf(ctx).transaction === undefined ? undefined : ctx.config.evseId;
      for (const c of connectorsOf(ctx)) if (c.evseId !== busy) await reportStatus(ctx, c.evseId, c.connectorId, 'Unavailable');
    });
    await ctx.step('Steps 7-9: after the configured transaction duration the transaction ends (StopAuthorized, EVConnectedPostSession, EVDisconnected)', async () => {
      await ctx.sleep(transactionDurationMs(ctx));
      await ctx.state('StopAuthorized');
      await ctx.state('EVConnectedPostSession');
      await ctx.state('EVDisconnected');
    });
    await ctx.step('Steps 10-11: Downloading, once the retrieveDateTime is reached', async () => {
      await waitUntil(ctx, seen.retrieveAtMs);
      await firmwareStatus(ctx, 'Downloading', requestId);
    });
    await ctx.step('Steps 12-13: Downloaded', () => firmwareStatus(ctx, 'Downloaded', requestId));
    await ctx.step('Steps 14-15: SignatureVerified', () => firmwareStatus(ctx, 'SignatureVerified', requestId));
    await ctx.step('Steps 16-17: Installing', () => firmwareStatus(ctx, 'Installing', requestId));
    await rebootInstalled(ctx, requestId, { step: 19, at: 21 });
  },
});
