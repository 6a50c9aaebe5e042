/**
 * Proof scenarios of the 2.0.1 station defects of block A (certificate signing, A02/A03): the
 * station is triggered to renew its certificate twice, is sent a good certificate for the first
 * CSR and one of an untrusted CA for the second; the wire shows the answers, the CSR's form and the
 * security events. Used by ./defects.test.ts.
 */
import { createPki } from '../../../src/cli/pki.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const pki = createPki();

async function csrAfterTrigger(csms: TestCsms, h: Helpers): Promise<{ trigger: string; csr: string | undefined }> {
  const before = csms.calls.filter((c) => c.action === 'SignCertificate').length;
  const trigger = await h.answer(csms, 'TriggerMessage', { requestedMessage: 'SignChargingStationCertificate' });
  await sleep(200);
  const sign = csms.calls.filter((c) => c.action === 'SignCertificate')[before];
  return { trigger, csr: typeof sign?.payload['csr'] === 'string' ? sign.payload['csr'] : undefined };
}

export function a201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    certificateSigning201: {
      station: { pki },
      run: async (csms, st) => {
        await booted(csms, st);
        const out: string[] = [];
        const first = await csrAfterTrigger(csms, h);
        out.push(first.trigger, first.csr === undefined ? 'no-csr' : pki.parseCsr(first.csr).ok ? 'pem-csr' : 'bad-csr');
        if (first.csr !== undefined && pki.parseCsr(first.csr).ok) {
          out.push(await h.answer(csms, 'CertificateSigned', { certificateChain: pki.signCsr(first.csr).chainPem, certificateType: 'ChargingStationCertificate' }));
          const second = await csrAfterTrigger(csms, h);
          if (second.csr !== undefined) out.push(await h.answer(csms, 'CertificateSigned', { certificateChain: pki.signCsr(second.csr, { fault: 'wrong-ca' }).chainPem, certificateType: 'ChargingStationCertificate' }));
        }
        await sleep(200);
        out.push(csms.calls.filter((c) => c.action === 'SecurityEventNotification').map((c) => String(c.payload['type'])).join(','));
        return out.join(' ');
      },
    },
    downgrade201: {
      station: { settings: { 'SecurityCtrlr.SecurityProfile': '2' } },
      run: async (csms, st) => {
        await booted(csms, st);
        const data = { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9/ocpp', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' };
        return h.answer(csms, 'SetNetworkProfile', { configurationSlot: 1, connectionData: data });
      },
    },
  };
}

export const a201Proofs: Record<string, string> = {
  'accepts-invalid-certificate': 'certificateSigning201',
  'rejects-valid-certificate': 'certificateSigning201',
  'no-invalid-certificate-event': 'certificateSigning201',
  'csr-not-pem': 'certificateSigning201',
  'trigger-sign-certificate-rejected': 'certificateSigning201',
  'accepts-downgrade': 'downgrade201',
};
