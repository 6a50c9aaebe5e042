/**
 * OCPP 1.6 TC_076_CSMS — Delete a specific certificate from the Charge Point (OCTT 1.6 document
 * §3.21.1; Security Whitepaper M04, M03). Memory state: the operator makes the Central System
 * install the configured CentralSystemRootCertificate (Root 2) on the harness-as-Charge-Point; then
 * asks it to delete that certificate again: the Central System asks for the installed certificates
 * (the harness reports them in the <Configured HashAlgorithm>) and sends DeleteCertificate.req whose
 * hash data the harness compares with its own calculation (M04.FR.07: the same hashAlgorithm).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply } from '../_shared/charge-point.js';
import { namesCertificate } from '../../cs/security/certificates.js';
import { configuredHashAlgorithm, configuredRoot, rootStore } from './root-store.js';

const certificateType = 'CentralSystemRootCertificate';

export default defineTestCase({
  id: 'TC_076_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Delete a specific certificate from the Charge Point',
  useCases: ['Delete a specific certificate from a Charge Point', 'Retrieve list of available certificates from a Charge Point'],
  requirements: ['OCPP 1.6 Security Whitepaper M04.FR.07', 'OCPP 1.6 Security Whitepaper M04', 'OCPP 1.6 Security Whitepaper M03'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'DeleteCertificate.req hashAlgorithm is the configured one (the one of step 2), certificateHashData names the installed CentralSystemRootCertificate (own hash calculation)' },
    { step: 2, checks: 'the harness answers GetInstalledCertificateIds.conf Accepted with hash data in the configured hashAlgorithm (the Central System asked for CentralSystemRootCertificate)' },
    { step: 4, checks: 'the harness answers DeleteCertificate.conf Accepted (the hash data name the installed certificate)' },
  ],
  detects: ['delete-certificate-wrong-hash'],
  async run(ctx) {
    const certificate = configuredRoot(ctx, certificateType);
    const hashAlgorithm = configuredHashAlgorithm(ctx);
    const store = rootStore(ctx, { accept: true });
    await ctx.step('Memory state: the Central System installs the configured CentralSystemRootCertificate (Root 2)', async () => {
      await ctx.dut('triggerInstallCertificate', { certificateType, certificate });
      await ctx.expectCall('InstallCertificate');
      await store.installed;
      if (!(store.held.get(certificateType) ?? []).includes(certificate)) ctx.inconclusive('memory state: the Central System did not install the configured root as CentralSystemRootCertificate');
    });
    await ctx.step('Steps 1-4: the Central System deletes the just installed CentralSystemRootCertificate: GetInstalledCertificateIds.req, DeleteCertificate.req', async () => {
      await ctx.dut('triggerDeleteCertificate', { certificateType });
      const get = await ctx.expectCall('GetInstalledCertificateIds');
      const getFrames = get.frameSeq === undefined ? [] : [get.frameSeq];
      checkReply(ctx, 'GetInstalledCertificateIds', { status: get.payload['certificateType'] === certificateType ? 'Accepted' : 'NotFound' }, 'Accepted', getFrames, 2);
      const del = await ctx.expectCall('DeleteCertificate', { step: 1 });
      const frames = del.frameSeq === undefined ? [] : [del.frameSeq];
      const given = del.payload['certificateHashData'] as Record<string, unknown> | undefined;
      ctx.check(`DeleteCertificate.req hashAlgorithm is ${hashAlgorithm} (the one of step 2)`, given?.['hashAlgorithm'] === hashAlgorithm, { expected: hashAlgorithm, actual: given?.['hashAlgorithm'] ?? 'absent', frames, step: 1 });
      const names = namesCertificate(given, certificate);
      ctx.check('DeleteCertificate.req certificateHashData names the installed CentralSystemRootCertificate (own calculation)', names, { expected: 'issuerNameHash, issuerKeyHash and serialNumber of the installed root', actual: names ? 'they do' : JSON.stringify(given ?? 'absent'), frames, step: 1 });
      checkReply(ctx, 'DeleteCertificate', { status: names ? 'Accepted' : 'NotFound' }, 'Accepted', frames, 4);
    });
  },
});
