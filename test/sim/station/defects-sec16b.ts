/**
 * Proof scenarios of the 1.6 Security Whitepaper defects of the charge point added by sec16b
 * (v16/security-log.ts): the log upload a GetLog starts, against a loopback HTTP server of the
 * test that records what arrives; each defect's wire differs from the compliant run. Used by
 * ./defects.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { booted, waitFor, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

/** A loopback HTTP server counting the bytes PUT to it; closed by `close`. */
async function uploadSink(): Promise<{ url: string; uploads: number[]; close: () => Promise<void> }> {
  const uploads: number[] = [];
  const server = createServer((req, res) => {
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
  };
}

export const sec16bProofs: Record<string, string> = {
  'security-log-not-uploaded': 'securityLog16',
};
