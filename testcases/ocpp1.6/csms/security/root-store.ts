/**
 * OCPP 1.6 Security Whitepaper `_CSMS` cases: the harness-as-Charge-Point's root store for one
 * case. It answers InstallCertificate (Accepted, or Rejected where the document makes OCTT reject
 * any certificate), GetInstalledCertificateIds with the hash data of what it holds in the
 * <Configured HashAlgorithm> (`extra.hashAlgorithm`, default SHA256), and DeleteCertificate
 * (Accepted only for hash data that name a held certificate, by the harness's own calculation).
 */
import type { InboundCall, JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { hashDataOf, namesCertificate } from '../../cs/security/certificates.js';
import { answerWith } from '../_shared/charge-point.js';

export { configuredRoot } from '../../cs/security/certificates.js';

/** <Configured HashAlgorithm> of TC_076_CSMS: `extra.hashAlgorithm` (SHA256, SHA384 or SHA512), default SHA256. */
export function configuredHashAlgorithm(ctx: TestContext): string {
  const value = ctx.config.extra['hashAlgorithm'];
  return value === 'SHA384' || value === 'SHA512' ? value : 'SHA256';
}

const parses = (pem: string): boolean => {
  try {
    return hashDataOf(pem) !== undefined;
  } catch {
    return false;
  }
};

export interface RootStore {
  /** Certificates held, by certificateType. */
  readonly held: Map<string, string[]>;
  /** Settles once the first InstallCertificate answer has gone out. */
  installed: Promise<InboundCall>;
}

export function rootStore(ctx: TestContext, options: { accept: boolean }): RootStore {
  const held = new Map<string, string[]>();
  const hashAlgorithm = configuredHashAlgorithm(ctx);
  const installed = answerWith(ctx, 'InstallCertificate', (call) => {
    const type = String(call.payload['certificateType']);
    const pem = String(call.payload['certificate']);
    if (!options.accept || !parses(pem)) return { status: 'Rejected' };
    held.set(type, [...(held.get(type) ?? []), pem]);
    return { status: 'Accepted' };
  });
  ctx.respond('GetInstalledCertificateIds', (call) => {
    const list = held.get(String(call.payload['certificateType'])) ?? [];
    return list.length === 0 ? { status: 'NotFound' } : { status: 'Accepted', certificateHashData: list.map((pem) => hashDataOf(pem, hashAlgorithm) as JsonObject) };
  });
  ctx.respond('DeleteCertificate', (call) => {
    const given = call.payload['certificateHashData'];
    for (const [type, list] of held) {
      const kept = list.filter((pem) => !namesCertificate(given, pem));
      if (kept.length === list.length) continue;
      held.set(type, kept);
      return { status: 'Accepted' };
    }
    return { status: 'NotFound' };
  });
  return { held, installed };
}
