/**
 * Proof scenarios of the 1.6 Security Whitepaper defects of the charge point (v16/security.ts):
 * the root store and the invalid-root security event; each defect's wire differs from the
 * compliant run. Used by ./defects.test.ts.
 */
import { createCertificateAuthority } from '../../../src/security/certificates.js';
import { certificateHashData } from '../../../src/protocol/certificate-hash-data.js';
import { createPki } from '../../../src/cli/pki.js';
import { booted, sleep, waitFor, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const root = (cn: string, now: Date, days: number): string => createCertificateAuthority({ subject: { O: 'ocpp-conform', CN: cn }, key: { type: 'ec' }, now, validityDays: days }).cert.certPem;

const pki = createPki();

export function security16Scenarios({ wire, answer }: Helpers): Record<string, Scenario> {
  return {
    chargePointCertificate16: {
      station: { pki },
      run: async (csms, st) => {
        await booted(csms, st);
        const trigger = await answer(csms, 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' });
        await waitFor(() => csms.calls.some((c) => c.action === 'SignCertificate'));
        const csr = String(csms.calls.find((c) => c.action === 'SignCertificate')?.payload['csr']);
        const wrong = await answer(csms, 'CertificateSigned', { certificateChain: pki.signCsr(csr, { fault: 'wrong-ca' }).chainPem });
        await sleep(100);
        const right = await answer(csms, 'CertificateSigned', { certificateChain: pki.signCsr(csr).chainPem });
        return `${trigger} ${wrong} ${right} ${wire(csms)}`;
      },
    },
    certificates16: {
      run: async (csms, st) => {
        await booted(csms, st);
        const valid = root('sec16 valid root', new Date(Date.now() - 86_400_000), 30);
        const expired = root('sec16 expired root', new Date('2020-01-01T00:00:00Z'), 30);
        const certificateType = 'CentralSystemRootCertificate';
        const out = [
          await answer(csms, 'InstallCertificate', { certificateType, certificate: valid }),
          await answer(csms, 'GetInstalledCertificateIds', { certificateType }),
          await answer(csms, 'DeleteCertificate', { certificateHashData: { ...certificateHashData(valid) } }),
          await answer(csms, 'GetInstalledCertificateIds', { certificateType }),
          await answer(csms, 'InstallCertificate', { certificateType, certificate: expired }),
        ];
        await sleep(150);
        // The certificates are made per run: only the statuses and how many hash data came back are compared.
        const brief = out.map((a) => a.replace(/"certificateHashData":\[[^\]]*\]/g, (m) => `${(m.match(/serialNumber/g) ?? []).length} hash data`));
        return `${brief.join(' ')} ${wire(csms)}`;
      },
    },
  };
}

export const security16Proofs: Record<string, string> = {
  'certificate-not-installed': 'certificates16',
  'certificate-not-deleted': 'certificates16',
  'accepts-invalid-certificate': 'certificates16',
  'no-invalid-certificate-event': 'certificates16',
  'accepts-invalid-charge-point-certificate': 'chargePointCertificate16',
};
