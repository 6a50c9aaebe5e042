/**
 * Proof scenarios of the 2.0.1 station defects of block L (secure firmware update): each one's wire
 * differs from the compliant run. The image is served by the harness's transfer service; the
 * signing material is made by src/security as the demo makes it. Used by ./defects.test.ts.
 */
import { systemClock } from '../../../src/clock.js';
import { TransferServers } from '../../../src/engine/transfer.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { createFirmwareSigning } from '../../../src/security/firmware-signing.js';
import { booted, waitFor, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const signing = createFirmwareSigning();
const ago = (): string => new Date(Date.now() - 7_200_000).toISOString();

const statuses = (csms: TestCsms, requestId: number): string[] =>
  csms.calls.filter((c) => c.action === 'FirmwareStatusNotification' && c.payload['requestId'] === requestId).map((c) => String(c.payload['status']));
const events = (csms: TestCsms): string => csms.calls.filter((c) => c.action === 'SecurityEventNotification').map((c) => String(c.payload['type'])).join(',');

async function withImage<T>(work: (url: string) => Promise<T>): Promise<T> {
  const servers = new TransferServers({ clock: systemClock });
  try {
    const t = await servers.service();
    return await work(t.serve('firmware.bin', signing.image));
  } finally {
    await servers.close();
  }
}

export function firmware201Scenarios(h: Helpers): Record<string, Scenario> {
  const update = (csms: TestCsms, requestId: number, firmware: JsonObject): Promise<string> => h.answer(csms, 'UpdateFirmware', { requestId, firmware: { retrieveDateTime: ago(), installDateTime: ago(), ...firmware } });
  const ended = (csms: TestCsms, requestId: number, last: readonly string[]): Promise<void> =>
    waitFor(() => statuses(csms, requestId).some((s) => last.includes(s)), 6_000).catch(() => undefined);
  return {
    firmwareInstalled201: {
      station: { firmwareRoots: [signing.manufacturerRootPem] },
      run: (csms, st) =>
        withImage(async (location) => {
          await booted(csms, st);
          const answer = await update(csms, 1, { location, signingCertificate: signing.signingCertificatePem, signature: signing.signature });
          await ended(csms, 1, ['Installed']);
          await waitFor(() => events(csms).includes('FirmwareUpdated'), 1_000).catch(() => undefined);
          return `${answer} ${statuses(csms, 1).join('>')} ${events(csms)}`;
        }),
    },
    firmwareRefused201: {
      station: { firmwareRoots: [signing.manufacturerRootPem] },
      run: (csms, st) =>
        withImage(async (location) => {
          await booted(csms, st);
          const untrusted = await update(csms, 2, { location, signingCertificate: signing.untrustedSigningCertificatePem, signature: signing.signature });
          await ended(csms, 2, ['Installed', 'DownloadFailed', 'InvalidSignature']);
          const badSignature = await update(csms, 3, { location, signingCertificate: signing.signingCertificatePem, signature: signing.invalidSignature });
          await ended(csms, 3, ['Installed', 'InvalidSignature']);
          const missing = await update(csms, 4, { location: `${location}_does_not_exist` });
          await ended(csms, 4, ['DownloadFailed', 'Downloaded']);
          return [untrusted, statuses(csms, 2).join('>'), badSignature, statuses(csms, 3).join('>'), missing, statuses(csms, 4).join('>'), events(csms)].join(' ');
        }),
    },
    firmwareScheduled201: {
      station: { firmwareRoots: [signing.manufacturerRootPem] },
      run: (csms, st) =>
        withImage(async (location) => {
          await booted(csms, st);
          const soon = (ms: number): string => new Date(Date.now() + ms).toISOString();
          const answer = await h.answer(csms, 'UpdateFirmware', { requestId: 5, firmware: { location, retrieveDateTime: soon(300), installDateTime: soon(2_500), signingCertificate: signing.signingCertificatePem, signature: signing.signature } });
          await ended(csms, 5, ['Installed']);
          return `${answer} ${statuses(csms, 5).join('>')}`;
        }),
    },
    firmwareCancel201: {
      station: { firmwareRoots: [signing.manufacturerRootPem] },
      run: (csms, st) =>
        withImage(async (location) => {
          await booted(csms, st);
          const firmware = { location, signingCertificate: signing.signingCertificatePem, signature: signing.signature };
          const first = await update(csms, 6, firmware);
          await waitFor(() => statuses(csms, 6).includes('Downloading'), 2_000).catch(() => undefined);
          const second = await update(csms, 7, firmware);
          await ended(csms, 7, ['Installed']);
          return `${first} ${second} ${statuses(csms, 6).join('>')} ${statuses(csms, 7).join('>')}`;
        }),
    },
  };
}

export const firmware201Proofs: Record<string, string> = {
  'firmware-no-firmware-updated-event': 'firmwareInstalled201',
  'firmware-accepts-untrusted-certificate': 'firmwareRefused201',
  'firmware-ignores-invalid-signature': 'firmwareRefused201',
  'firmware-download-failure-silent': 'firmwareRefused201',
  'firmware-download-not-scheduled': 'firmwareScheduled201',
  'firmware-install-not-scheduled': 'firmwareScheduled201',
  'firmware-cancel-not-reported': 'firmwareCancel201',
};
