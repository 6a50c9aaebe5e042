/**
 * The run's `pki` service (src/protocol/pki.ts): the certificate operations of src/security
 * with the certificate hash data of src/protocol, put together here because the CLI is the layer
 * that may import both. The demo hands one instance to the harness's cases and the simulators.
 */
import { certificateHashData } from '../protocol/certificate-hash-data.js';
import type { Pki } from '../protocol/pki.js';
import { createCertificateService, type PkiOptions } from '../security/pki.js';

export function createPki(options: PkiOptions = {}): Pki {
  return { ...createCertificateService(options), hashData: (certPem, issuerPem) => certificateHashData(certPem, issuerPem) };
}
