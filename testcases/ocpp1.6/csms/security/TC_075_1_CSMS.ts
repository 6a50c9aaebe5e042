/**
 * OCPP 1.6 TC_075_1_CSMS — Install a certificate on the Charge Point - ManufacturerRootCertificate (OCTT 1.6
 * document §3.21.1; Security Whitepaper M05, M03): the operator makes the Central System install
 * the configured root as ManufacturerRootCertificate (the harness, as Charge Point, accepts it), then ask
 * for the installed certificates of that type (the harness lists it).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply } from '../_shared/charge-point.js';
import { configuredRoot, rootStore } from './root-store.js';

const certificateType = 'ManufacturerRootCertificate';

export default defineTestCase({
  id: 'TC_075_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Install a certificate on the Charge Point - ManufacturerRootCertificate',
  useCases: ['Install CA certificate in a Charge Point', 'Retrieve list of available certificates from a Charge Point'],
  requirements: ['OCPP 1.6 Security Whitepaper M05', 'OCPP 1.6 Security Whitepaper M03'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'InstallCertificate.req certificateType ManufacturerRootCertificate, certificate the configured root certificate' },
    { step: 2, checks: 'the harness answers InstallCertificate.conf Accepted (the request installs a usable root)' },
    { step: 3, checks: 'GetInstalledCertificateIds.req certificateType ManufacturerRootCertificate' },
    { step: 4, checks: 'the harness answers GetInstalledCertificateIds.conf Accepted with the hash data of the installed certificate' },
  ],
  detects: ['install-certificate-wrong-type'],
  async run(ctx) {
    const certificate = configuredRoot(ctx, certificateType);
    const store = rootStore(ctx, { accept: true });
    await ctx.step(`Steps 1-2: the Central System sends InstallCertificate.req ${certificateType} with the configured root`, async () => {
      await ctx.dut('triggerInstallCertificate', { certificateType, certificate });
      const call = await ctx.expectCall('InstallCertificate', { step: 1 });
      const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
      ctx.check(`InstallCertificate.req certificateType is ${certificateType}`, call.payload['certificateType'] === certificateType, { expected: certificateType, actual: call.payload['certificateType'] ?? 'absent', frames, step: 1 });
      ctx.check('InstallCertificate.req certificate is the configured root certificate', String(call.payload['certificate']).trim() === certificate.trim(), { expected: 'the configured root certificate (PEM)', actual: String(call.payload['certificate']).trim() === certificate.trim() ? 'the configured one' : 'another certificate', frames, step: 1 });
      await store.installed;
      checkReply(ctx, 'InstallCertificate', { status: (store.held.get(certificateType) ?? []).length > 0 ? 'Accepted' : 'Rejected' }, 'Accepted', frames, 2);
    });
    await ctx.step(`Steps 3-4: the Central System sends GetInstalledCertificateIds.req ${certificateType}`, async () => {
      await ctx.dut('triggerGetInstalledCertificateIds', { certificateType });
      const call = await ctx.expectCall('GetInstalledCertificateIds', { step: 3 });
      const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
      ctx.check(`GetInstalledCertificateIds.req certificateType is ${certificateType}`, call.payload['certificateType'] === certificateType, { expected: certificateType, actual: call.payload['certificateType'] ?? 'absent', frames, step: 3 });
      const listed = store.held.get(String(call.payload['certificateType'])) ?? [];
      checkReply(ctx, 'GetInstalledCertificateIds', { status: listed.includes(certificate) ? 'Accepted' : 'NotFound' }, 'Accepted', frames, 4);
    });
  },
});
