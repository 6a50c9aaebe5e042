/**
 * Proof scenarios of the 2.0.1 station defects of network profile migration (Part 2 B10, Part 6
 * TC_B_45…50_CS): each one's wire differs from the compliant run. A profile with a URL where
 * nothing listens stands for an endpoint that does not let the station in. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { createCertificateSet } from '../../../src/security/certificates.js';
import { OcppServer } from '../../../src/transport/server.js';
import { booted, sleep, startCsms, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers } from './support.js';

type Helpers = Pick<ScenarioHelpers, 'answer'>;

/** Nothing listens on port 1 of loopback: every attempt there fails at once. */
const deadUrl = 'ws://127.0.0.1:1/ocpp';
const comm = (variable: string, value: string): JsonObject => ({ component: { name: 'OCPPCommCtrlr' }, variable: { name: variable }, attributeValue: value });
const profile = (url: string): JsonObject => ({ ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: url, messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' });
const boots = (csms: TestCsms): number => csms.calls.filter((c) => c.action === 'BootNotification').length;

/** Two test roots: the station starts trusting `old`; `fresh` issued the new CSMS's certificate. */
const old = createCertificateSet({ host: '127.0.0.1', key: { type: 'ec' } });
const fresh = createCertificateSet({ host: '127.0.0.1', key: { type: 'ec' }, csmsOrganization: 'new CSMS' });

export function networkProfile201Scenarios(h: Helpers): Record<string, Scenario> {
  /** Slot 2 gets `url`, the priority becomes `priority`, a Reset OnIdle; then where the station booted. */
  const migrate = async (csms: TestCsms, url: string, priority: string, attempts: string): Promise<string> => {
    const out = [
      await h.answer(csms, 'SetVariables', { setVariableData: [comm('NetworkProfileConnectionAttempts', attempts)] }),
      await h.answer(csms, 'SetNetworkProfile', { configurationSlot: 2, connectionData: profile(url) }),
      await h.answer(csms, 'SetVariables', { setVariableData: [comm('NetworkConfigurationPriority', priority)] }),
      await h.answer(csms, 'Reset', { type: 'OnIdle' }),
    ];
    return out.join(' ');
  };
  return {
    networkMigrate201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const second = await startCsms('2.0.1');
        try {
          const answers = await migrate(csms, second.url, '2,1', '3');
          await sleep(1_000);
          return `${answers} primary boots ${boots(csms)}, second boots ${boots(second)}`;
        } finally {
          await second.close();
        }
      },
    },
    networkFallback201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const answers = await migrate(csms, deadUrl, '2,1', '2');
        await sleep(1_200);
        return `${answers} primary boots ${boots(csms)}`;
      },
    },
    networkAllFailed201: {
      run: async (csms, st) => {
        await booted(csms, st);
        // Only the unreachable slot in the list: after it failed the station must go back to its last good profile (B10.FR.07).
        const answers = await migrate(csms, deadUrl, '2', '1');
        await sleep(1_200);
        return `${answers} primary boots ${boots(csms)}`;
      },
    },
    /** The new root installed, then a migration to a TLS endpoint whose certificate that root issued. */
    networkNewRoot201: {
      station: { tls: { ca: old.ca.certPem } },
      run: async (csms, st) => {
        await booted(csms, st);
        const server = new OcppServer({ host: '127.0.0.1', port: 0, subprotocols: ['ocpp2.0.1'], tls: { cert: fresh.csms.certPem, key: fresh.csms.keyPem } });
        let reached = 0;
        server.onConnection(() => void reached++);
        const { url } = await server.start();
        try {
          const installed = await h.answer(csms, 'InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: fresh.ca.certPem });
          const answers = await migrate(csms, url, '2,1', '1');
          await sleep(1_000);
          return `${installed} ${answers} new CSMS connections ${reached}, primary boots ${boots(csms)}`;
        } finally {
          await server.close();
        }
      },
    },
    /** The CSMS roots the station reports after a new one was installed. */
    networkRoots201: {
      station: { tls: { ca: old.ca.certPem } },
      run: async (csms, st) => {
        await booted(csms, st);
        const installed = await h.answer(csms, 'InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: fresh.ca.certPem });
        const ids = await h.answer(csms, 'GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
        const serials = (JSON.parse(ids) as { certificateHashDataChain?: Array<{ certificateHashData: { serialNumber: string } }> }).certificateHashDataChain?.map((c) => c.certificateHashData.serialNumber) ?? [];
        return `${installed} roots ${serials.length}`;
      },
    },
  };
}

export const networkProfile201Proofs: Record<string, string> = {
  'ignores-network-priority': 'networkMigrate201',
  'no-network-fallback': 'networkFallback201',
  'network-fallback-gives-up': 'networkAllFailed201',
  'new-csms-root-unused': 'networkNewRoot201',
  'drops-old-csms-root': 'networkRoots201',
};
