/**
 * Proof scenarios of the 1.6 Security Whitepaper defects of the charge point added by sec16b
 * (v16/security-log.ts, v16/signed-firmware.ts): the log upload a GetLog starts and the signed
 * firmware update, against a loopback HTTP server of the test (it records uploads, serves the image); each defect's wire differs from the compliant run. Used by
 * ./defects.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFirmwareSigning } from '../../../src/security/firmware-signing.js';
import { booted, sleep, waitFor, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const firmware = createFirmwareSigning();

/** A loopback HTTP server counting the bytes PUT to it and serving the firmware image on GET; closed by `close`. */
async function uploadSink(): Promise<{ url: string; uploads: number[]; close: () => Promise<void> }> {
  const uploads: number[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200).end(firmware.image);
      return;
    }
    let size = 0;
    req.on('data', (c: Buffer) => (size += c.length));
    req.on('end', () => {
      uploads.push(size);
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/logs/security.log`, uploads, close: () => new Promise((r) => server.close(() => r())) };
}

export function sec16bScenarios({ wire, answer }: Helpers): Record<string, Scenario> {
  return {
    securityLog16: {
      run: async (csms, st) => {
        await booted(csms, st);
        const sink = await uploadSink();
        try {
          const got = await answer(csms, 'GetLog', { logType: 'SecurityLog', requestId: 7, log: { remoteLocation: sink.url } });
          await waitFor(() => csms.calls.some((c) => c.action === 'LogStatusNotification' && c.payload['status'] === 'Uploaded'));
          return `${got.replace(/"filename":"[^"]*"/, '"filename":"…"')} ${wire(csms)} uploads:${sink.uploads.filter((n) => n > 0).length}`;
        } finally {
          await sink.close();
        }
      },
    },
    signedFirmware16: {
      station: { firmwareRoots: [firmware.manufacturerRootPem] },
      run: async (csms, st) => {
        await booted(csms, st);
        const sink = await uploadSink();
        const update = (requestId: number, signature: string): Promise<string> =>
          answer(csms, 'SignedUpdateFirmware', { requestId, firmware: { location: sink.url, retrieveDateTime: new Date().toISOString(), signingCertificate: firmware.signingCertificatePem, signature } });
        const statuses = (): string[] => csms.calls.filter((c) => c.action === 'SignedFirmwareStatusNotification').map((c) => String(c.payload['status']));
        try {
          const bad = await update(1, firmware.invalidSignature);
          await waitFor(() => statuses().some((s) => s === 'InvalidSignature' || s === 'SignatureVerified'));
          await sleep(100);
          const boots = csms.calls.filter((c) => c.action === 'BootNotification').length;
          const good = await update(2, firmware.signature);
          await waitFor(() => csms.calls.filter((c) => c.action === 'BootNotification').length > boots);
          await sleep(400);
          return `${bad} ${good} ${statuses().join(',')} ${csms.calls.filter((c) => c.action === 'SecurityEventNotification').map((c) => String(c.payload['type'])).join(',')}`;
        } finally {
          await sink.close();
        }
      },
    },
  };
}

export const sec16bProofs: Record<string, string> = {
  'security-log-not-uploaded': 'securityLog16',
  'firmware-ignores-invalid-signature': 'signedFirmware16',
  'signed-firmware-no-installed': 'signedFirmware16',
};
