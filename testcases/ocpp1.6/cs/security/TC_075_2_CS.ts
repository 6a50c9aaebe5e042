/**
 * OCPP 1.6 TC_075_2_CS — Install a certificate on the Charge Point - CentralSystemRootCertificate (OCTT 1.6
 * document §2.24.1; Security Whitepaper M05 InstallCertificate, M03 GetInstalledCertificateIds):
 * InstallCertificate of the configured CentralSystemRootCertificate is Accepted, and GetInstalledCertificateIds
 * of that type lists it: the harness computes the certificate's hash data itself and looks for it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredRoot } from './certificates.js';
import { callForStatus, checkInstalled } from './certificate-calls.js';

const certificateType = 'CentralSystemRootCertificate';

export default defineTestCase({
  id: 'TC_075_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Install a certificate on the Charge Point - CentralSystemRootCertificate',
  useCases: ['Install CA certificate in a Charge Point', 'Retrieve list of available certificates from a Charge Point'],
  requirements: ['OCPP 1.6 Security Whitepaper M05.FR.01', 'OCPP 1.6 Security Whitepaper M05.FR.02', 'OCPP 1.6 Security Whitepaper M03.FR.03', 'OCPP 1.6 Security Whitepaper M03.FR.04'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'InstallCertificate.conf status Accepted' },
    { step: 4, checks: 'GetInstalledCertificateIds.conf status Accepted, certificateHashData includes the installed certificate (own hash calculation)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_075_2_CS step 1 validates an own message of the Central System (InstallCertificate.req certificateType CentralSystemRootCertificate, the certificate from the store); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_075_2_CS step 3 validates an own message of the Central System (GetInstalledCertificateIds.req certificateType CentralSystemRootCertificate); the harness sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['certificate-not-installed'],
  async run(ctx) {
    const certificate = configuredRoot(ctx, certificateType);
    await ctx.step(`Steps 1-2: InstallCertificate.req ${certificateType}: Accepted`, async () => {
      await callForStatus(ctx, 'InstallCertificate', { certificateType, certificate }, 'Accepted', 2);
    });
    await ctx.step(`Steps 3-4: GetInstalledCertificateIds.req ${certificateType}: the installed certificate is listed`, async () => {
      await checkInstalled(ctx, certificateType, certificate, true, 4);
    });
  },
});
