/**
 * The configured values of the network profile migration cases (Part 6 TC_B_45…50_CS,
 * `networkProfiles` in the config file) checked before the run starts, so a setup mistake is an
 * error naming the field, never a case that times out: two different slots, a listen address the
 * second endpoint can use, a URL whose scheme fits its security profile, and a TLS identity
 * (certificate and key that belong together) where the profile needs one.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { resolveServerTlsOptions } from '../transport/tls-options.js';
import type { ConfiguredValues } from '../engine/configured-values.js';
import { HarnessError, isHarnessError } from '../errors.js';
import { parseListen } from './listen.js';

const field = 'networkProfiles';
const data2 = `${field}.connectionData2`;

function configError(message: string, hint: string): HarnessError {
  return new HarnessError('E_CONFIG', message, { hint });
}

/**
 * The configured values with `networkProfiles` checked and its PEM files read (the engine and the
 * cases get PEM text); throws E_CONFIG naming the field when it cannot work. `primaryTls` says
 * whether the primary endpoint serves TLS (--cert/--key), whose identity the second one may borrow.
 */
export function checkNetworkProfiles(config: ConfiguredValues, options: { sut: 'cs' | 'csms'; primaryTls: boolean; cwd: string }): ConfiguredValues {
  if (options.sut !== 'cs') return config;
  const np = config.networkProfiles;
  if (np.configurationSlot === np.configurationSlot2) {
    throw configError(`${field}.configurationSlot2 (${np.configurationSlot2}) must differ from ${field}.configurationSlot`, 'give the two network profile slots of the station, e.g. 1 and 2');
  }
  const d = np.connectionData2;
  try {
    parseListen(d.listen, `${data2}.listen`);
  } catch (err) {
    throw configError(isHarnessError(err) ? err.message : String(err), 'e.g. "0.0.0.0:8443", or "127.0.0.1:0" for any free port on loopback');
  }
  const profile = d.securityProfile ?? config.securityProfile;
  if (profile < config.securityProfile) {
    throw configError(`${data2}.securityProfile ${profile} is below the run's securityProfile ${config.securityProfile}`, 'a station rejects a network profile with a lower security profile than the one in use; give the same or a higher one');
  }
  if (d.ocppCsmsUrl !== undefined) {
    const secure = d.ocppCsmsUrl.startsWith('wss://');
    if (profile >= 2 && !secure) throw configError(`${data2}.ocppCsmsUrl must start with wss:// for securityProfile ${profile}`, 'profiles 2 and 3 are TLS: the station dials wss://');
    if (profile < 2 && secure) throw configError(`${data2}.ocppCsmsUrl is wss:// but securityProfile ${profile} is plain WebSocket`, 'use ws://, or set connectionData2.securityProfile to 2 or 3');
  }
  if ((d.cert === undefined) !== (d.key === undefined)) {
    throw configError(`${data2}.${d.cert === undefined ? 'key' : 'cert'} needs ${data2}.${d.cert === undefined ? 'cert' : 'key'} as well`, 'the second endpoint serves TLS with a certificate and its private key');
  }
  if (profile >= 2 && d.cert === undefined && !options.primaryTls) {
    throw configError(`${data2}.securityProfile ${profile} needs a TLS identity: ${data2}.cert and .key (or --cert and --key for both endpoints)`, 'make one with `ocpp-conform certs init`; the new-CSMS-root cases want a certificate of another root');
  }
  const resolved = { ...d };
  try {
    if (d.cert !== undefined && d.key !== undefined) {
      const tls = resolveServerTlsOptions({ cert: d.cert, key: d.key, baseDir: options.cwd }, data2);
      resolved.cert = tls.cert;
      resolved.key = tls.key;
    }
  } catch (err) {
    if (!isHarnessError(err)) throw err;
    throw configError(err.message, err.hint ?? 'check the PEM file');
  }
  for (const name of ['rootCertificate', 'primaryRootCertificate'] as const) {
    const source = d[name];
    if (source !== undefined) resolved[name] = certificatePem(source, `${data2}.${name}`, options.cwd);
  }
  return { ...config, networkProfiles: { ...np, connectionData2: resolved } };
}

/** PEM text of a certificate given as text or file, parsed once so a broken one is named now. */
function certificatePem(source: string, name: string, cwd: string): string {
  let text = source;
  if (!source.includes('-----BEGIN ')) {
    const file = path.resolve(cwd, source);
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw configError(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, `${name} is PEM text or the path of a PEM certificate file`);
    }
  }
  try {
    new X509Certificate(text);
  } catch (err) {
    throw configError(`${name}: not a PEM certificate (${(err as Error).message})`, `${name} must hold one PEM "CERTIFICATE" block`);
  }
  return text;
}
