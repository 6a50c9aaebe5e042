/**
 * 1.6 Security Whitepaper certificate management, the Central System's side (M03
 * GetInstalledCertificateIds, M04 DeleteCertificate, M05 InstallCertificate): the operator's
 * triggers build the CALLs. The CSMS remembers the root it installed on a station (the station
 * answered Accepted) and deletes it by the hash data the station reported for it, or, when it did
 * not report any, by the hash data it computes itself (SHA256; M04.FR.07: the algorithm of the
 * installation).
 */
import { certificateHashData, sameCertificate } from '../../../protocol/certificate-hash-data.js';
import type { JsonObject } from '../../../protocol/frames.js';
import { ParamError } from '../params.js';
import type { CsmsBlock } from '../block.js';

const rootTypes = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'];
const otherType = (type: string): string => (type === 'ManufacturerRootCertificate' ? 'CentralSystemRootCertificate' : 'ManufacturerRootCertificate');
const installedKey = (type: string): string => `installed:${type}`;
const reportedKey = (type: string): string => `reported:${type}`;

export const certificates16: CsmsBlock = {
  name: 'certificates',
  defects: [
    { name: 'install-certificate-wrong-type', description: 'InstallCertificate names the other root certificateType than the one asked for' },
    { name: 'delete-certificate-wrong-hash', description: 'DeleteCertificate sends the issuerNameHash as issuerKeyHash (hash data of no installed certificate)' },
  ],
  triggers: {
    triggerInstallCertificate: (ctx, p) => {
      const certificate = p.str('certificate');
      if (certificate === undefined || !certificate.includes('-----BEGIN CERTIFICATE-----')) throw new ParamError('parameter certificate (PEM) is required');
      const asked = p.str('certificateType') ?? 'CentralSystemRootCertificate';
      return { action: 'InstallCertificate', payload: { certificateType: ctx.has('install-certificate-wrong-type') ? otherType(asked) : asked, certificate } };
    },
    triggerGetInstalledCertificateIds: (_ctx, p) => ({ action: 'GetInstalledCertificateIds', payload: { certificateType: p.str('certificateType') ?? 'CentralSystemRootCertificate' } }),
    // The operator deletes the root the CSMS installed last: it asks what is installed, then deletes that one.
    triggerDeleteCertificate: (ctx, p) => {
      const certificateType = p.str('certificateType') ?? 'CentralSystemRootCertificate';
      const pem = ctx.known?.(installedKey(certificateType));
      if (pem === undefined) throw new ParamError(`no ${certificateType} installed by this CSMS on the station to delete`);
      const own = certificateHashData(pem);
      const reported = JSON.parse(ctx.known?.(reportedKey(certificateType)) ?? '[]') as JsonObject[];
      // The station's own entry keeps its hashAlgorithm; the serial number says which one it is.
      const entry = reported.find((h) => sameCertificate(h, own) || String(h['serialNumber']).toLowerCase().replace(/^0+/, '') === own.serialNumber) ?? { ...own };
      const hashData = ctx.has('delete-certificate-wrong-hash') ? { ...entry, issuerKeyHash: entry['issuerNameHash'] } : entry;
      return { action: 'GetInstalledCertificateIds', payload: { certificateType }, then: [{ action: 'DeleteCertificate', payload: { certificateHashData: hashData } }] };
    },
  },
  learn: (memory, call, response) => {
    const type = String(call.payload['certificateType']);
    if (call.action === 'InstallCertificate' && response['status'] === 'Accepted' && rootTypes.includes(type)) memory.remember(installedKey(type), String(call.payload['certificate']));
    if (call.action === 'GetInstalledCertificateIds' && rootTypes.includes(type)) memory.remember(reportedKey(type), JSON.stringify(Array.isArray(response['certificateHashData']) ? response['certificateHashData'] : []));
  },
};
