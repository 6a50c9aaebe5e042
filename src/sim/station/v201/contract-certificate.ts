/**
 * A fixed ISO 15118 contract certificate chain for the station simulator's Plug & Charge EV: an
 * MO (eMSP) root and a contract leaf whose CN is the EMAID. Made once with src/security
 * (`createCertificateAuthority` + a leaf, EC prime256v1, valid 2026-2046) and committed as a
 * fixture, because the sim layer does not import src/security (eslint layer rules, DESIGN.md).
 */

export const contractEmaid = 'NLOCPC000000001';

export const moRootPem = [
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

export const contractLeafPem = [
  '-----BEGIN CERTIFICATE-----',
  'MIIB4DCCAYegAwIBAgIQJJXKfnTBUK/7QV85iXcbXTAKBggqhkjOPQQDAjA7MRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xIjAgBgNVBAMMGW9jcHAtY29uZm9ybSB0ZXN0',
  'IE1PIHJvb3QwHhcNMjUxMjMxMjM1NTAwWhcNNDUxMjI2MjM1NTAwWjA2MRowGAYD',
  'VQQKDBFvY3BwLWNvbmZvcm0gZU1TUDEYMBYGA1UEAwwPTkxPQ1BDMDAwMDAwMDAx',
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjKpUE7hAWgmqq+HPLsefE7o//GBi',
  'T8yAZy1xPJ0ZwcfI+RJeGNWDKAbx3Lut9chc0VyEaxwI2HTiYHl6plFtcqNyMHAw',
  'CQYDVR0TBAIwADAOBgNVHQ8BAf8EBAMCB4AwEwYDVR0lBAwwCgYIKwYBBQUHAwIw',
  'HQYDVR0OBBYEFG+HYgww+2Vg/CSTVozhsBei8UkYMB8GA1UdIwQYMBaAFHFc+Mll',
  'a6nn7GE/ATGnUvAl7u5IMAoGCCqGSM49BAMCA0cAMEQCIBfglfUDcNlayJfBTlow',
  'ifU+xM6pJk55YdVPhiKVdbE+AiAi3mw+/8+J3qw4Pd4r4zUwE7G4ThZUxIAeiWsT',
  'LUorJg==',
  '-----END CERTIFICATE-----',
].join('\n');

/** Its OCSPRequestDataType (Part 2 C07: iso15118CertificateHashData), computed once from the chain above. */
export const contractHashData = {
  hashAlgorithm: 'SHA256',
  issuerNameHash: '8d9882a63d92f46450dea8e2c3e874ae06cfebc1a68a35b8cf5543c7632012b1',
  issuerKeyHash: 'bf7268a5035eedf68a6d39195619ada80a5a4003e98e0f319ec1e8512555a67a',
  serialNumber: '2495ca7e74c150affb415f3989771b5d',
  responderURL: 'http://ocsp.ocpp-conform.invalid/',
};
