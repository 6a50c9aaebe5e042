/**
 * Wire tests of the 2.0.1 CSMS defects of block A (security, certificate signing A02/A03): a
 * station sends SignCertificate with a CSR of the pki service; what it is answered and the
 * CertificateSigned that follows (its certificateType, whether the chain leads to the CA's root).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createPki } from '../../../src/cli/pki.js';
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const pki = createPki();

async function signing(_sim: CsmsSimulator, url: string): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  const { csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'CPO' });
  const out = await station.call('SignCertificate', { csr: csrPem, certificateType: 'ChargingStationCertificate' });
  const status = out.status === 'result' ? out.payload['status'] : out.status;
  await sleep(300);
  const signed = station.callsIn().find((c) => c.action === 'CertificateSigned');
  if (signed === undefined) return { status, certificateSigned: 'none' };
  const chain = String(signed.payload['certificateChain']);
  return { status, certificateType: signed.payload['certificateType'], chainToRoot: pki.verifyChain(chain).ok };
}

const good = { status: 'Accepted', certificateType: 'ChargingStationCertificate', chainToRoot: true };

export const securityCases: BlockDefectCase[] = [
  { defect: 'sign-certificate-rejected', version: '2.0.1', options: { pki }, observe: signing, expected: [good, { status: 'Rejected', certificateSigned: 'none' }] },
  { defect: 'no-certificate-signed', version: '2.0.1', options: { pki }, observe: signing, expected: [good, { status: 'Accepted', certificateSigned: 'none' }] },
  { defect: 'certificate-signed-wrong-ca', version: '2.0.1', options: { pki }, observe: signing, expected: [good, { ...good, chainToRoot: false }] },
  { defect: 'certificate-signed-wrong-type', version: '2.0.1', options: { pki }, observe: signing, expected: [good, { ...good, certificateType: 'V2GCertificate' }] },
];
