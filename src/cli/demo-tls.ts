/**
 * The demo's TLS pair (Part 6 TC_B_47/50_CS: "connected using security profile 2 or 3", a new
 * CSMS root): cases whose prerequisite rules out a plain connection run in their own
 * harness/simulator pair at security profile 2 on loopback, with certificates made for the run by
 * src/security. The primary endpoint serves a certificate of one test root (the "old CSMS root",
 * which the station simulator trusts from the start), the second endpoint one of another root (the
 * "new CSMS root 2", which the cases install). Nothing leaves the temporary folder, which is
 * removed afterwards; the Basic auth password is random per pair.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultConfiguredValues } from '../engine/configured-values.js';
import { createCertificateSet, type CertificateAuthority } from '../security/certificates.js';
import type { StationOptions } from '../sim/station/core/options.js';
import type { ConfigOverrides } from './config-file.js';

/** A case the demo runs over TLS: its prerequisite allows no plain connection. */
export function needsTls(tc: { securityProfiles?: ReadonlyArray<number> }): boolean {
  return tc.securityProfiles !== undefined && !tc.securityProfiles.includes(0);
}

/** The profile of a case's TLS pair: 2 where the case allows it, else 3 (TC_A_11_CS: "uses security profile 3"). */
export function demoTlsProfile(tc: { securityProfiles?: ReadonlyArray<number> }): 2 | 3 {
  return tc.securityProfiles?.includes(2) === false && tc.securityProfiles.includes(3) ? 3 : 2;
}

export interface DemoTls {
  /** `run` options: the security profile and the primary endpoint's certificate files (profile 3: and the CA of station certificates). */
  run: { securityProfile: string; cert: string; key: string; ca?: string };
  /** The test root of the pair: the pki service of the pair signs with it, so certificates it signs are trusted both ways. */
  authority: CertificateAuthority;
  config: ConfigOverrides;
  station: Pick<StationOptions, 'tls' | 'basicAuthPassword'> & { settings: Record<string, string> };
  close(): Promise<void>;
}

export async function demoTls(networkTimings: Partial<ConfigOverrides['networkProfiles']> = {}, profile: 2 | 3 = 2): Promise<DemoTls> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ocpp-conform-demo-tls-'));
  const old = createCertificateSet({ host: '127.0.0.1', key: { type: 'ec' } });
  const fresh = createCertificateSet({ host: '127.0.0.1', key: { type: 'ec' }, csmsOrganization: 'ocpp-conform new CSMS' });
  const cert = path.join(dir, 'csms.pem');
  const key = path.join(dir, 'csms.key.pem');
  await writeFile(cert, old.csms.certPem);
  await writeFile(key, old.csms.keyPem, { mode: 0o600 });
  await chmod(key, 0o600);
  // Profile 3 (mutual TLS, A00.FR.401): the harness trusts station certificates of the same root.
  const ca = path.join(dir, 'ca.pem');
  if (profile === 3) await writeFile(ca, old.ca.certPem);
  const password = randomBytes(12).toString('hex');
  const np = defaultConfiguredValues.networkProfiles;
  return {
    run: { securityProfile: String(profile), cert, key, ...(profile === 3 ? { ca } : {}) },
    authority: old.authority,
    config: {
      basicAuthPassword: password,
      networkProfiles: {
        ...np,
        ...networkTimings,
        connectionData2: { ...np.connectionData2, securityProfile: profile, cert: fresh.csms.certPem, key: fresh.csms.keyPem, rootCertificate: fresh.ca.certPem, primaryRootCertificate: old.ca.certPem },
      },
    },
    station: {
      tls: { ca: old.ca.certPem, ...(profile === 3 ? { cert: old.station.certPem, key: old.station.keyPem } : {}) },
      basicAuthPassword: password,
      settings: { 'SecurityCtrlr.SecurityProfile': String(profile) },
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
