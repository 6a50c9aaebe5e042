/**
 * Proof scenarios of the 1.6 station defects of the Firmware Management profile (issue #22): each
 * one's wire differs from the compliant run. Images are served and uploads received by the
 * harness's transfer service. Used by ./defects.test.ts.
 */
import { systemClock } from '../../../src/clock.js';
import { TransferServers, type TransferService } from '../../../src/engine/transfer.js';
import { supportedFirmwareHeader } from '../../../src/sim/station/v16/firmware.js';
import { booted, waitFor, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const statuses = (csms: TestCsms, action: string): string => csms.calls.filter((c) => c.action === action).map((c) => String(c.payload['status'])).join('>');
const boots = (csms: TestCsms): number => csms.calls.filter((c) => c.action === 'BootNotification').length;
const until = (csms: TestCsms, action: string, last: readonly string[], count = 1): Promise<void> =>
  waitFor(() => csms.calls.filter((c) => c.action === action && last.includes(String(c.payload['status']))).length >= count, 5_000).catch(() => undefined);

async function withTransfer<T>(work: (t: TransferService) => Promise<T>): Promise<T> {
  const servers = new TransferServers({ clock: systemClock });
  try {
    return await work(await servers.service());
  } finally {
    await servers.close();
  }
}

export function firmware16Scenarios(h: Helpers): Record<string, Scenario> {
  const now = (): string => new Date().toISOString();
  return {
    firmwareInstalled16: {
      run: (csms, st) =>
        withTransfer(async (t) => {
          await booted(csms, st);
          const location = t.serve('firmware.bin', Buffer.concat([Buffer.from(supportedFirmwareHeader), Buffer.alloc(64, 7)]));
          const answer = await h.answer(csms, 'UpdateFirmware', { location, retrieveDate: now() });
          await until(csms, 'FirmwareStatusNotification', ['Installed']);
          return `${answer} ${statuses(csms, 'FirmwareStatusNotification')} boots ${boots(csms)}`;
        }),
    },
    firmwareFailed16: {
      run: (csms, st) =>
        withTransfer(async (t) => {
          await booted(csms, st);
          const missing = t.serve('download_fail.fwi', '', { protocol: 'ftp', failWith: 404 });
          await h.answer(csms, 'UpdateFirmware', { location: missing, retrieveDate: now(), retries: 0 });
          await until(csms, 'FirmwareStatusNotification', ['DownloadFailed', 'Downloaded']);
          const junk = t.serve('unsupported.fwi', 'not a firmware image\n');
          await h.answer(csms, 'UpdateFirmware', { location: junk, retrieveDate: now() });
          await until(csms, 'FirmwareStatusNotification', ['InstallationFailed', 'Installed']);
          return `${statuses(csms, 'FirmwareStatusNotification')} boots ${boots(csms)}`;
        }),
    },
    diagnostics16: {
      run: (csms, st) =>
        withTransfer(async (t) => {
          await booted(csms, st);
          await h.answer(csms, 'GetDiagnostics', { location: t.uploadUrl('diagnostics', { protocol: 'ftp' }) });
          await until(csms, 'DiagnosticsStatusNotification', ['Uploaded', 'UploadFailed']);
          const failing = `${t.uploadUrl('failedLocation', { protocol: 'ftp', credentials: false, refuseWith: 550 })}files/failedLocation`;
          await h.answer(csms, 'GetDiagnostics', { location: failing, retries: 0 });
          await until(csms, 'DiagnosticsStatusNotification', ['Uploaded', 'UploadFailed'], 2);
          return `${statuses(csms, 'DiagnosticsStatusNotification')} received ${t.received().length}`;
        }),
    },
  };
}

export const firmware16Proofs: Record<string, string> = {
  'firmware-installed-never-reported': 'firmwareInstalled16',
  'firmware-download-failure-silent': 'firmwareFailed16',
  'firmware-installs-unsupported-image': 'firmwareFailed16',
  'diagnostics-uploaded-without-upload': 'diagnostics16',
  'diagnostics-upload-failure-reported-uploaded': 'diagnostics16',
};
