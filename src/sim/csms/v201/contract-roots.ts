/**
 * The contract signing roots the reference CSMS trusts for central contract validation (Part 2
 * C07.FR.05): the MO root of the station simulator's Plug & Charge EV, and the ocpp-conform test
 * contract signer the harness signs its TC_C_52_CSMS contract certificate with
 * (testcases/ocpp2.0.1/csms/C-authorization/contract-certificate.ts, EC prime256v1, valid 2026-2049).
 */
import { moRootPem } from '../../station/v201/contract-certificate.js';

const testContractSignerPem = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBwDCCAWegAwIBAgIQSOcv7GfMJjozraTlBjML8jAKBggqhkjOPQQDAjBQMRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xNzA1BgNVBAMMLm9jcHAtY29uZm9ybSB0ZXN0',
  'IGNvbnRyYWN0IHNpZ25lciAoQ1NNUyBjYXNlcykwHhcNMjYwMTAxMDAwMDAwWhcN',
  'NDkxMjMxMDAwMDAwWjBQMRUwEwYDVQQKDAxvY3BwLWNvbmZvcm0xNzA1BgNVBAMM',
  'Lm9jcHAtY29uZm9ybSB0ZXN0IGNvbnRyYWN0IHNpZ25lciAoQ1NNUyBjYXNlcykw',
  'WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARzKitp+j2OdPcfgvVwAnQqzW5iyY90',
  'ldKGRhAwaPbeiJuBGAxHTn28hOl5isD9n4Aq8KbE0GMRG/1V5SkeD46EoyMwITAP',
  'BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNHADBE',
  'AiBcdVOPy2V5rRP126pFIln6Qobd5cQ+iGzfPlWD/+VtGwIgW1ol+HZy7HZ+uoKo',
  'PhITpw+3SME5bVdbbQ2dYSadNyA=',
  '-----END CERTIFICATE-----',
].join('\n');

export const trustedContractRoots: readonly string[] = [moRootPem, testContractSignerPem];
