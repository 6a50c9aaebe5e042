/**
 * Part 6 memory state CertificateInstalled (Table 442) needs "a pre configured certificate" per
 * certificateType. A lab gives its own in the run configuration, `extra.certificates`
 * ({ "MORootCertificate": "<PEM>", … }); the defaults are the roots of the reference station's
 * Plug & Charge EV (made with src/security, EC prime256v1, valid 2026-2056), so the demo works,
 * like the default idTokens match the simulators' token books.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { obj, str } from './journal.js';

const moRoot = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB2jCCAX+gAwIBAgIQWdXf96jXqCj3w7vGCXcvXDAKBggqhkjOPQQDAjA7MRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xIjAgBgNVBAMMGW9jcHAtY29uZm9ybSB0ZXN0',
  'IE1PIHJvb3QwIBcNMjUxMjMxMjM1NTAwWhgPMjA1NTEyMjQyMzU1MDBaMDsxFTAT',
  'BgNVBAoMDG9jcHAtY29uZm9ybTEiMCAGA1UEAwwZb2NwcC1jb25mb3JtIHRlc3Qg',
  'TU8gcm9vdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJKeaiMNwUgBEOUgXfST',
  'a05igGkQ7JUYKOgDsl1DhhlERLJzW3gjD839zwXInNS7hI9ku+ibK6WEjXCeUGys',
  'unOjYzBhMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0GA1UdDgQW',
  'BBRxXPjJZWup5+xhPwExp1LwJe7uSDAfBgNVHSMEGDAWgBRxXPjJZWup5+xhPwEx',
  'p1LwJe7uSDAKBggqhkjOPQQDAgNJADBGAiEAqc9RnO71ljuNv9BzTFbwBC2ASDeT',
  'G4WUanlfNdo62XQCIQCPps6gawIcSeqUYyDn2jmPgJv0PyWdgV5YfHMUgSZGbA==',
  '-----END CERTIFICATE-----',
].join('\n');

const v2gRoot = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB2zCCAYGgAwIBAgIQMPh4DFvSacf4/ivPI8ZLVjAKBggqhkjOPQQDAjA8MRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xIzAhBgNVBAMMGm9jcHAtY29uZm9ybSB0ZXN0',
  'IFYyRyByb290MCAXDTI1MTIzMTIzNTUwMFoYDzIwNTUxMjI0MjM1NTAwWjA8MRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xIzAhBgNVBAMMGm9jcHAtY29uZm9ybSB0ZXN0',
  'IFYyRyByb290MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETYcGv0MGi0qJh97g',
  'ps2cdhg5AvM0aOL/80zCCmhrgz8PS2w/TxCMImC5iArGoZwTI7u+ZKNcwkpJLqBs',
  '/krP5aNjMGEwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0O',
  'BBYEFCp4Z3jvFPhiIBJjASiiIysrnjVtMB8GA1UdIwQYMBaAFCp4Z3jvFPhiIBJj',
  'ASiiIysrnjVtMAoGCCqGSM49BAMCA0gAMEUCICrda9w+yYUwePGulnI2Jo8tyPPv',
  'zfnDchZpWXX+55RHAiEArrbGeKXOc62mP9fCPBXzYC2wroOySpcl3K0HrpXRLNY=',
  '-----END CERTIFICATE-----',
].join('\n');

const defaults: Record<string, string> = { MORootCertificate: moRoot, V2GRootCertificate: v2gRoot };

/** The certificateHashData of the default roots (computed once with src/security's node-forge). */
const defaultHashData: Record<string, { hashAlgorithm: string; issuerNameHash: string; issuerKeyHash: string; serialNumber: string }> = {
  MORootCertificate: { hashAlgorithm: 'SHA256', issuerNameHash: '8d9882a63d92f46450dea8e2c3e874ae06cfebc1a68a35b8cf5543c7632012b1', issuerKeyHash: 'bf7268a5035eedf68a6d39195619ada80a5a4003e98e0f319ec1e8512555a67a', serialNumber: '59d5dff7a8d7a828f7c3bbc609772f5c' },
  V2GRootCertificate: { hashAlgorithm: 'SHA256', issuerNameHash: 'afe7ed6feef55c2c22605cbcf545def23f1d794d469badd1c2f57ccd860d4f51', issuerKeyHash: 'acb1dd0e3ebb379ccc3a8e78090e05d81e4ed4520f8113327d12e229f1a27d88', serialNumber: '30f8780c5bd269c7f8fe2bcf23c64b56' },
};

/**
 * Not an official step: DeleteCertificate for the default roots a case installed, so a later
 * central-validation case (TC_C_52_CS: "the MO root must NOT be installed") finds none. A lab's own
 * roots (extra.certificates) are left to the lab: their hash data is not computed here. No verdict.
 */
export async function removeDefaultRoots(ctx: TestContext, types: readonly string[]): Promise<void> {
  await ctx.step('After: delete the installed default roots again (not an official step)', async () => {
    for (const type of types) {
      const hash = defaultHashData[type];
      if (hash === undefined || str(obj(ctx.config.extra['certificates'])?.[type]) !== undefined) continue;
      await ctx.call('DeleteCertificate', { certificateHashData: { ...hash } });
    }
  });
}

/** The configured certificate (PEM) of a certificateType, or undefined when none is configured. */
export function configuredCertificate(ctx: TestContext, certificateType: string): string | undefined {
  return str(obj(ctx.config.extra['certificates'])?.[certificateType]) ?? defaults[certificateType];
}

/** Memory state CertificateInstalled: InstallCertificate of the configured certificate, Accepted. */
export async function certificateInstalled(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const certificateType = str(params['certificateType']) ?? 'MORootCertificate';
  const certificate = configuredCertificate(ctx, certificateType);
  if (certificate === undefined) ctx.inconclusive(`no ${certificateType} is configured (extra.certificates.${certificateType})`);
  await ctx.callExpect('InstallCertificate', { certificateType, certificate }, { match: { status: 'Accepted' } });
}
