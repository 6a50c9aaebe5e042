/**
 * OCPP 1.6 TC_076_CS — Delete a specific certificate from the Charge Point (OCTT 1.6 document
 * §2.24.1; Security Whitepaper M04 DeleteCertificate, M03 GetInstalledCertificateIds). Memory state
 * CertificateInstalled (§2.26 Table 114) with the configured CentralSystemRootCertificate, then
 * GetInstalledCertificateIds, DeleteCertificate of that certificate with the hash data the harness
 * computes in the hashAlgorithm the charge point used at step 2 (Accepted), and
 * GetInstalledCertificateIds again: the certificate is no longer listed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredRoot, hashDataList, hashDataOf, namesCertificate } from './certificates.js';
import { answerOf, callForStatus, checkInstalled, framesOfCall } from './certificate-calls.js';

const certificateType = 'CentralSystemRootCertificate';

export default defineTestCase({
  id: 'TC_076_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Delete a specific certificate from the Charge Point',
  useCases: ['Delete a specific certificate from a Charge Point', 'Retrieve list of available certificates from a Charge Point'],
  requirements: ['OCPP 1.6 Security Whitepaper M04.FR.01', 'OCPP 1.6 Security Whitepaper M04.FR.02', 'OCPP 1.6 Security Whitepaper M03.FR.02', 'OCPP 1.6 Security Whitepaper M03.FR.04'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 4, checks: 'DeleteCertificate.conf status Accepted' },
    { step: 6, checks: 'GetInstalledCertificateIds.conf certificateHashData does not include the removed certificate (own hash calculation)' },
  ],
  waivers: [
    { step: 3, reason: 'OCTT 1.6 document TC_076_CS step 3 validates an own message of the Central System (DeleteCertificate.req with the hash data of the configured CentralSystemRootCertificate in the hashAlgorithm of step 2); the harness builds exactly that from its own calculation: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_076_CS step 5 validates an own message of the Central System (GetInstalledCertificateIds.req of the removed certificate\'s type); the harness sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['certificate-not-deleted'],
  async run(ctx) {
    const certificate = configuredRoot(ctx, certificateType);
    await ctx.step('Memory state CertificateInstalled: GetInstalledCertificateIds.req, InstallCertificate.req of the configured root when it is not listed', async () => {
      const res = await ctx.call('GetInstalledCertificateIds', { certificateType });
      const listed = res.status === 'result' ? hashDataList(res.payload) : [];
      if (listed.some((h) => namesCertificate(h, certificate))) return;
      const install = await ctx.call('InstallCertificate', { certificateType, certificate });
      if (install.status !== 'result' || install.payload['status'] !== 'Accepted') ctx.inconclusive(`memory state CertificateInstalled: InstallCertificate.req of the configured CentralSystemRootCertificate was answered ${answerOf(install)}`);
    });
    const hashAlgorithm = await ctx.step('Steps 1-2: GetInstalledCertificateIds.req CentralSystemRootCertificate', async () => {
      const res = await ctx.call('GetInstalledCertificateIds', { certificateType });
      const listed = res.status === 'result' ? hashDataList(res.payload) : [];
      const entry = listed.find((h) => namesCertificate(h, certificate)) as Record<string, unknown> | undefined;
      if (entry === undefined) return ctx.inconclusive(`memory state CertificateInstalled: the installed CentralSystemRootCertificate is not in the GetInstalledCertificateIds.conf (${answerOf(res)}, frames ${framesOfCall(ctx, res.messageId).join(', ')})`);
      return String(entry['hashAlgorithm']);
    });
    await ctx.step(`Steps 3-4: DeleteCertificate.req of the configured CentralSystemRootCertificate (${hashAlgorithm}): Accepted`, async () => {
      const certificateHashData = hashDataOf(certificate, hashAlgorithm);
      if (certificateHashData === undefined) return ctx.inconclusive(`hashAlgorithm ${hashAlgorithm} of step 2 is none of SHA256, SHA384, SHA512`);
      await callForStatus(ctx, 'DeleteCertificate', { certificateHashData }, 'Accepted', 4);
    });
    await ctx.step('Steps 5-6: GetInstalledCertificateIds.req CentralSystemRootCertificate: the certificate is gone', async () => {
      await checkInstalled(ctx, certificateType, certificate, false, 6);
    });
  },
});
