/**
 * OCPP 1.6 Security Whitepaper cases: the certificates of the OCTT 1.6 document's "<Certificate
 * from the store>", "<Configured root certificate>" and "<An invalid/expired certificate>". A lab
 * gives its own in the run configuration (`extra.manufacturerRootCertificatePem`,
 * `extra.centralSystemRootCertificatePem`, `extra.invalidCentralSystemCertificatePem`, PEM text);
 * the defaults are roots of our own (made with src/security, EC prime256v1, the first two valid
 * 2026-2056, the third expired since 2021; their private keys were not kept), so the demo works.
 * Also the CertificateHashDataType of a certificate for any hash algorithm the whitepaper allows
 * (§2.6: SHA256, SHA384, SHA512), computed by the harness itself as the document asks.
 */
import { certificateHashData, hashAlgorithmOf, sameCertificate, type JsonObject, type TestContext } from '../../../../src/engine/authoring.js';

const manufacturerRoot = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB7TCCAZOgAwIBAgIQOz1omeU+DIfIsiRNKlWawzAKBggqhkjOPQQDAjBFMRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xLDAqBgNVBAMMI29jcHAtY29uZm9ybSB0ZXN0',
  'IG1hbnVmYWN0dXJlciByb290MCAXDTI1MTIzMTIzNTUwMFoYDzIwNTUxMjI0MjM1',
  'NTAwWjBFMRUwEwYDVQQKDAxvY3BwLWNvbmZvcm0xLDAqBgNVBAMMI29jcHAtY29u',
  'Zm9ybSB0ZXN0IG1hbnVmYWN0dXJlciByb290MFkwEwYHKoZIzj0CAQYIKoZIzj0D',
  'AQcDQgAEb4/cySsBVfREhfQgjaSigGMzAMk+901cisK6cGdAb5HmP/IBDaWEA2Xr',
  '5Ya9pRghTW+MC/8nWTEueh0S2ktfZKNjMGEwDwYDVR0TAQH/BAUwAwEB/zAOBgNV',
  'HQ8BAf8EBAMCAQYwHQYDVR0OBBYEFKK96/IuAwx87JvYJn2hY4DZe695MB8GA1Ud',
  'IwQYMBaAFKK96/IuAwx87JvYJn2hY4DZe695MAoGCCqGSM49BAMCA0gAMEUCIEBE',
  'jEf3TgdpAHvLPjsJ2rxFAFMcXSlgtwkGcMANm468AiEAzvG522apyZfSarowPRx0',
  '9roMPHzhiX95OxWcyiur6kw=',
  '-----END CERTIFICATE-----',
].join('\n');

const centralSystemRoot = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB9TCCAZugAwIBAgIQIMhkqZJVtk3VcyqeQyRN0DAKBggqhkjOPQQDAjBJMRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xMDAuBgNVBAMMJ29jcHAtY29uZm9ybSB0ZXN0',
  'IGNlbnRyYWwgc3lzdGVtIHJvb3QgMjAgFw0yNTEyMzEyMzU1MDBaGA8yMDU1MTIy',
  'NDIzNTUwMFowSTEVMBMGA1UECgwMb2NwcC1jb25mb3JtMTAwLgYDVQQDDCdvY3Bw',
  'LWNvbmZvcm0gdGVzdCBjZW50cmFsIHN5c3RlbSByb290IDIwWTATBgcqhkjOPQIB',
  'BggqhkjOPQMBBwNCAAR6bhDYds2ncyJ8YhBLAWB6v2m8vaF0gxkikFkNgxc/W9Qg',
  'nQYn1WXuckkNrdRNfIIppR1+lehGuUc2ApMHQxt4o2MwYTAPBgNVHRMBAf8EBTAD',
  'AQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUhmSiLjwOV8dieA6ddpSvrOjT',
  'fXkwHwYDVR0jBBgwFoAUhmSiLjwOV8dieA6ddpSvrOjTfXkwCgYIKoZIzj0EAwID',
  'SAAwRQIhAMiwDgvs59W/XCIOcucvGMHE9qahcQ4DUfRUdrp8L2PAAiAY97zgzx0z',
  'JEfFeljvu2yKZPne33jiJGBWBjv2FmOu6w==',
  '-----END CERTIFICATE-----',
].join('\n');

const expiredCentralSystemRoot = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB9TCCAZugAwIBAgIQE3EeqfVVVSZsO3XxbCc0hTAKBggqhkjOPQQDAjBKMRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xMTAvBgNVBAMMKG9jcHAtY29uZm9ybSBleHBp',
  'cmVkIGNlbnRyYWwgc3lzdGVtIHJvb3QwHhcNMTkxMjMxMjM1NTAwWhcNMjAxMjMw',
  'MjM1NTAwWjBKMRUwEwYDVQQKDAxvY3BwLWNvbmZvcm0xMTAvBgNVBAMMKG9jcHAt',
  'Y29uZm9ybSBleHBpcmVkIGNlbnRyYWwgc3lzdGVtIHJvb3QwWTATBgcqhkjOPQIB',
  'BggqhkjOPQMBBwNCAAQbd824Es7Nv7Ymez3dlyDPktHV+ouvHWDjtOiSEsbDH/eT',
  'ldohftUpQownt1fFlFyHp1MvT+lC2f0WEjY0MEIpo2MwYTAPBgNVHRMBAf8EBTAD',
  'AQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUtg0x6lnPIM2hPrl4zlGe1AA6',
  'vKcwHwYDVR0jBBgwFoAUtg0x6lnPIM2hPrl4zlGe1AA6vKcwCgYIKoZIzj0EAwID',
  'SAAwRQIgJ5Bv3d0qH5T6kcyAOqXdVDe1wag4xB/Z0GLHJPemM4YCIQCgAPgLykhT',
  'vuanl5uyP1lNE+UWq46nmnBqw6H4HCzLGw==',
  '-----END CERTIFICATE-----',
].join('\n');

export type RootType = 'ManufacturerRootCertificate' | 'CentralSystemRootCertificate';

const configuredPem = (ctx: TestContext, key: string, fallback: string): string => {
  const value = ctx.config.extra[key];
  return typeof value === 'string' && value.includes('-----BEGIN CERTIFICATE-----') ? value : fallback;
};

/** The configured root certificate of a type (PEM). */
export function configuredRoot(ctx: TestContext, type: RootType): string {
  return type === 'ManufacturerRootCertificate' ? configuredPem(ctx, 'manufacturerRootCertificatePem', manufacturerRoot) : configuredPem(ctx, 'centralSystemRootCertificatePem', centralSystemRoot);
}

/** <An invalid/expired certificate> for TC_078 (PEM). */
export function configuredInvalidRoot(ctx: TestContext): string {
  return configuredPem(ctx, 'invalidCentralSystemCertificatePem', expiredCentralSystemRoot);
}

/**
 * CertificateHashDataType (whitepaper §2.6) of a root certificate (issuer = itself) with the given
 * hashAlgorithm; undefined for an algorithm the whitepaper does not name.
 */
export function hashDataOf(pem: string, hashAlgorithm = 'SHA256'): JsonObject | undefined {
  const alg = hashAlgorithmOf(hashAlgorithm);
  return alg === undefined ? undefined : { ...certificateHashData(pem, pem, alg) };
}

/** Does a CertificateHashDataType the charge point sent name `pem` (compared with the harness's own calculation in its hashAlgorithm)? */
export function namesCertificate(given: unknown, pem: string): boolean {
  if (typeof given !== 'object' || given === null) return false;
  const alg = hashAlgorithmOf((given as JsonObject)['hashAlgorithm']);
  return alg !== undefined && sameCertificate(given, certificateHashData(pem, pem, alg));
}

/** The certificateHashData list of a GetInstalledCertificateIds.conf (absent: none). */
export function hashDataList(payload: JsonObject): unknown[] {
  const list = payload['certificateHashData'];
  return Array.isArray(list) ? list : [];
}
