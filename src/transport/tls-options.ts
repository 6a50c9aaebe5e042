/**
 * Plain TLS options → node tls options, validated up front so a misconfiguration is a clear
 * usage error (E_TLS_OPTIONS naming the option and the fix), not an obscure handshake failure.
 *
 * Each of cert / key / ca is EITHER PEM text (anything containing "-----BEGIN ") OR a path to a
 * PEM file, resolved against `baseDir` (default: the process working directory).
 *
 * TLS 1.2 is the floor: 1.6 Security Whitepaper A00.FR.312 / A00.FR.416 (and 2.0.1 Part 2
 * A00.FR.3xx/4xx) "SHALL only use TLS v1.2 or above".
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { HarnessError } from '../errors.js';
import type { CertificateSubject } from './wire-log.js';

export type TlsMinVersion = 'TLSv1.2' | 'TLSv1.3';
export const defaultTlsMinVersion: TlsMinVersion = 'TLSv1.2';

/** PEM text or a file path. */
export type PemSource = string;

export interface ServerTlsOptions {
  cert: PemSource;
  key: PemSource;
  /** CAs trusted for client certificates (mutual TLS, security profile 3). */
  ca?: PemSource | PemSource[];
  passphrase?: string;
  minVersion?: TlsMinVersion;
  ciphers?: string;
  /** Ask the station for a certificate (profile 3). */
  requestCert?: boolean;
  /** Refuse the TLS handshake when the station's certificate does not verify (default true when requestCert). */
  rejectUnauthorized?: boolean;
  baseDir?: string;
}

export interface ClientTlsOptions {
  ca?: PemSource | PemSource[];
  /** Our client certificate and key (profile 3). */
  cert?: PemSource;
  key?: PemSource;
  passphrase?: string;
  servername?: string;
  minVersion?: TlsMinVersion;
  ciphers?: string;
  /** Verify the server certificate (default true; false only for deliberate negative tests). */
  rejectUnauthorized?: boolean;
  baseDir?: string;
}

export interface ResolvedServerTls {
  cert: string;
  key: string;
  ca?: string[];
  passphrase?: string;
  minVersion: TlsMinVersion;
  ciphers?: string;
  requestCert: boolean;
  rejectUnauthorized: boolean;
}

export interface ResolvedClientTls {
  ca?: string[];
  cert?: string;
  key?: string;
  passphrase?: string;
  servername?: string;
  minVersion: TlsMinVersion;
  ciphers?: string;
  rejectUnauthorized: boolean;
}

export function resolveServerTlsOptions(options: ServerTlsOptions, optionPrefix = 'tls'): ResolvedServerTls {
  if (options.cert === undefined || options.cert === '') throw missing(`${optionPrefix}.cert`, 'the server certificate (PEM or file path)');
  if (options.key === undefined || options.key === '') throw missing(`${optionPrefix}.key`, 'the private key of tls.cert');
  const cert = loadPem(options.cert, `${optionPrefix}.cert`, 'CERTIFICATE', options.baseDir);
  const key = loadPem(options.key, `${optionPrefix}.key`, 'PRIVATE KEY', options.baseDir);
  checkKeyMatches(cert, key, options.passphrase, optionPrefix);
  const ca = loadCaList(options.ca, `${optionPrefix}.ca`, options.baseDir);
  const requestCert = options.requestCert ?? false;
  if (requestCert && ca === undefined) {
    throw new HarnessError('E_TLS_OPTIONS', `${optionPrefix}.requestCert needs ${optionPrefix}.ca`, {
      hint: 'give the CA that issued the station certificates (e.g. certs/ca.pem) so client certificates can be verified',
    });
  }
  return {
    cert,
    key,
    ...(ca === undefined ? {} : { ca }),
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    minVersion: checkMinVersion(options.minVersion, optionPrefix),
    ...(options.ciphers === undefined ? {} : { ciphers: options.ciphers }),
    requestCert,
    rejectUnauthorized: options.rejectUnauthorized ?? requestCert,
  };
}

export function resolveClientTlsOptions(options: ClientTlsOptions, optionPrefix = 'tls'): ResolvedClientTls {
  const hasCert = options.cert !== undefined && options.cert !== '';
  const hasKey = options.key !== undefined && options.key !== '';
  if (hasCert && !hasKey) throw missing(`${optionPrefix}.key`, `the private key belonging to ${optionPrefix}.cert`);
  if (hasKey && !hasCert) throw missing(`${optionPrefix}.cert`, `the client certificate belonging to ${optionPrefix}.key`);
  const resolved: ResolvedClientTls = {
    minVersion: checkMinVersion(options.minVersion, optionPrefix),
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  };
  if (hasCert && hasKey) {
    resolved.cert = loadPem(options.cert ?? '', `${optionPrefix}.cert`, 'CERTIFICATE', options.baseDir);
    resolved.key = loadPem(options.key ?? '', `${optionPrefix}.key`, 'PRIVATE KEY', options.baseDir);
    checkKeyMatches(resolved.cert, resolved.key, options.passphrase, optionPrefix);
  }
  const ca = loadCaList(options.ca, `${optionPrefix}.ca`, options.baseDir);
  if (ca !== undefined) resolved.ca = ca;
  if (options.passphrase !== undefined) resolved.passphrase = options.passphrase;
  if (options.servername !== undefined) resolved.servername = options.servername;
  if (options.ciphers !== undefined) resolved.ciphers = options.ciphers;
  return resolved;
}

/** The subject of the certificate the peer presented, or undefined when it presented none. */
export function peerCertificateSubject(socket: TLSSocket): CertificateSubject | undefined {
  const cert: PeerCertificate | Record<string, never> = socket.getPeerCertificate();
  if (cert === null || !('subject' in cert) || cert.subject === undefined) return undefined;
  const subject: CertificateSubject = {};
  // node gives an array when an attribute repeats; join so the subject stays a flat record.
  for (const [attr, value] of Object.entries(cert.subject as unknown as Record<string, string | string[]>)) {
    subject[attr] = Array.isArray(value) ? value.join(', ') : value;
  }
  return subject;
}

function loadCaList(source: PemSource | PemSource[] | undefined, option: string, baseDir: string | undefined): string[] | undefined {
  if (source === undefined) return undefined;
  const list = Array.isArray(source) ? source : [source];
  return list.map((s, i) => loadPem(s, list.length > 1 ? `${option}[${i}]` : option, 'CERTIFICATE', baseDir));
}

function loadPem(source: PemSource, option: string, expected: 'CERTIFICATE' | 'PRIVATE KEY', baseDir: string | undefined): string {
  let text = source;
  if (!source.includes('-----BEGIN ')) {
    const file = path.resolve(baseDir ?? process.cwd(), source);
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new HarnessError('E_TLS_OPTIONS', `${option}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
        hint: `${option} is PEM text or a path to a PEM file; run \`ocpp-conform certs init\` to create test certificates`,
        cause: err,
      });
    }
  }
  // "PRIVATE KEY" also matches "RSA PRIVATE KEY" and "EC PRIVATE KEY".
  if (!new RegExp(`-----BEGIN [A-Z ]*${expected}-----`).test(text)) {
    throw new HarnessError('E_TLS_OPTIONS', `${option}: no PEM "${expected}" block found`, {
      hint: `${option} must hold a PEM ${expected === 'CERTIFICATE' ? 'certificate' : 'private key'}; check the option is not swapped with another`,
    });
  }
  return text;
}

function checkKeyMatches(cert: string, key: string, passphrase: string | undefined, prefix: string): void {
  try {
    const x509 = new X509Certificate(cert);
    const privateKey = createPrivateKey(passphrase === undefined ? key : { key, passphrase });
    if (!x509.checkPrivateKey(privateKey)) {
      throw new HarnessError('E_TLS_OPTIONS', `${prefix}.key does not belong to ${prefix}.cert`, {
        hint: 'give the key file written next to the certificate (e.g. csms.pem with csms.key.pem)',
      });
    }
  } catch (err) {
    if (err instanceof HarnessError) throw err;
    throw new HarnessError('E_TLS_OPTIONS', `${prefix}.cert / ${prefix}.key cannot be loaded: ${(err as Error).message}`, {
      hint: 'check both are PEM, and give tls.passphrase if the key is encrypted',
      cause: err,
    });
  }
}

function checkMinVersion(value: string | undefined, prefix: string): TlsMinVersion {
  if (value === undefined) return defaultTlsMinVersion;
  if (value === 'TLSv1.2' || value === 'TLSv1.3') return value;
  throw new HarnessError('E_TLS_OPTIONS', `${prefix}.minVersion ${value} is not allowed`, {
    hint: "use 'TLSv1.2' or 'TLSv1.3' (1.6 Security Whitepaper A00.FR.312: TLS v1.2 or above)",
  });
}

function missing(option: string, what: string): HarnessError {
  return new HarnessError('E_TLS_OPTIONS', `${option} is missing`, { hint: `give ${option}: ${what}` });
}
