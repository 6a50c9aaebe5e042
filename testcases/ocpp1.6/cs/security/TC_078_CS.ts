/**
 * OCPP 1.6 TC_078_CS — Invalid CentralSystemCertificate Security Event (OCTT 1.6 document
 * §2.24.2; Security Whitepaper M05.FR.06, A00.FR.309 / A00.FR.413, §4.3 security events):
 * InstallCertificate of an invalid (by default expired) CentralSystemRootCertificate is Rejected,
 * and the charge point sends SecurityEventNotification.req InvalidCentralSystemCertificate.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configuredInvalidRoot } from './certificates.js';
import { callForStatus } from './certificate-calls.js';

export default defineTestCase({
  id: 'TC_078_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Invalid CentralSystemCertificate Security Event',
  useCases: ['Install CA certificate in a Charge Point', 'A04 Security Event Notification'],
  requirements: ['OCPP 1.6 Security Whitepaper M05.FR.06', 'OCPP 1.6 Security Whitepaper A00.FR.309', 'OCPP 1.6 Security Whitepaper A00.FR.413'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'InstallCertificate.conf status Rejected' },
    { step: 3, checks: 'SecurityEventNotification.req type InvalidCentralSystemCertificate' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_078_CS step 1 validates an own message of the Central System (InstallCertificate.req certificateType CentralSystemRootCertificate with an invalid/expired certificate); the harness sends exactly that (the configured invalid certificate): there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-invalid-certificate', 'no-invalid-certificate-event'],
  async run(ctx) {
    await ctx.step('Steps 1-2: InstallCertificate.req CentralSystemRootCertificate with an expired certificate: Rejected', async () => {
      await callForStatus(ctx, 'InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: configuredInvalidRoot(ctx) }, 'Rejected', 2);
    });
    await ctx.step('Steps 3-4: SecurityEventNotification.req InvalidCentralSystemCertificate', async () => {
      await ctx.expectCall('SecurityEventNotification', { match: { type: 'InvalidCentralSystemCertificate' }, describe: 'type InvalidCentralSystemCertificate', anyOrder: 'OCPP 1.6 Security Whitepaper A04.FR.01: a charge point reports each critical security event when it happens, so other events may come first', step: 3 });
    });
  },
});
