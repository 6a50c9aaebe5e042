/**
 * Wire tests of the 1.6 CSMS defects of the Security Whitepaper modules (v16/certificates.ts,
 * v16/security.ts): the certificate CALLs a trigger makes the simulator send, and its answer to a
 * security event, against the compliant simulator and the one with the defect (defects.test.ts).
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { certificateHashData } from '../../../src/protocol/certificate-hash-data.js';
import { createCertificateAuthority } from '../../../src/security/certificates.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const root = (): string => createCertificateAuthority({ subject: { O: 'ocpp-conform', CN: 'sec16 CSMS test root' }, key: { type: 'ec' } }).cert.certPem;

export const security16Cases: BlockDefectCase[] = [
  {
    defect: 'install-certificate-wrong-type',
    version: '1.6',
    observe: async (sim, url) => {
      const station = await connectStation(url, '1.6');
      await station.call('BootNotification', bootOf('1.6'));
      await sim.perform('triggerInstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root() });
      const call = station.callsIn().at(-1);
      return call === undefined ? 'nothing sent' : `${call.action} ${String(call.payload['certificateType'])}`;
    },
    expected: ['InstallCertificate ManufacturerRootCertificate', 'InstallCertificate CentralSystemRootCertificate'],
  },
  {
    defect: 'delete-certificate-wrong-hash',
    version: '1.6',
    observe: async (sim, url) => {
      const pem = root();
      const station = await connectStation(url, '1.6', { answers: { GetInstalledCertificateIds: { status: 'NotFound' } } });
      await station.call('BootNotification', bootOf('1.6'));
      await sim.perform('triggerInstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem });
      await sim.perform('triggerDeleteCertificate', { certificateType: 'CentralSystemRootCertificate' });
      const calls = station.callsIn();
      const del = calls.at(-1);
      const given = del?.payload['certificateHashData'] as JsonObject | undefined;
      return `${calls.map((c) => c.action).join(',')} ${JSON.stringify(given) === JSON.stringify(certificateHashData(pem)) ? 'own hash data' : 'other hash data'}`;
    },
    expected: ['InstallCertificate,GetInstalledCertificateIds,DeleteCertificate own hash data', 'InstallCertificate,GetInstalledCertificateIds,DeleteCertificate other hash data'],
  },
  {
    defect: 'security-event-call-error',
    version: '1.6',
    observe: async (_sim, url) => {
      const station = await connectStation(url, '1.6');
      await station.call('BootNotification', bootOf('1.6'));
      const out = await station.call('SecurityEventNotification', { type: 'InvalidCentralSystemCertificate', timestamp: new Date().toISOString() });
      return out.status === 'result' ? out.payload : out.status === 'error' ? out.errorCode : out.status;
    },
    expected: [{}, 'InternalError'],
  },
];
