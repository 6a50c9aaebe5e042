// OCPP 2.0.1 Part 6 §2.1, TC_A_14_CS: the certificate the CSMS sends for the station's CSR is
// invalid (<Configured invalid_signingCertificate>: here signed by a CA the station does not
// trust); the station must reject it and report InvalidChargingStationCertificate.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { frames } from '../_shared/journal.js';
import { answerSignCertificate, expectSignCertificate, pkiOf, sendCertificateSigned, triggerSigning } from './certificate-signing.js';

export default defineTestCase({
  id: 'TC_A_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'A',
  title: 'Update Charging Station Certificate by request of CSMS - Invalid certificate',
  useCases: ['A02'],
  requirements: ['A02.FR.07', 'A03.FR.07'],
  certification: [{ profile: 'Advanced Security', need: 'M' }],
  securityProfiles: [3],
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'SignCertificateRequest csr: PEM RFC 2986 request, RSA/DSA >= 2048 or EC >= 224 bits' },
    { step: 6, checks: 'CertificateSignedResponse status Rejected' },
    { step: 7, checks: 'SecurityEventNotificationRequest type InvalidChargingStationCertificate' },
  ],
  detects: ['accepts-invalid-certificate', 'no-invalid-certificate-event'],
  async run(ctx) {
    const pki = pkiOf(ctx);
    answerSignCertificate(ctx, 'Accepted');
    if (!(await triggerSigning(ctx, 2))) return;
    const { csr } = await expectSignCertificate(ctx, pki, 'Accepted', 3);
    const status = await sendCertificateSigned(ctx, pki, csr, 'wrong-ca');
    ctx.check('CertificateSignedResponse status is Rejected', status === 'Rejected', { expected: 'Rejected', actual: status, step: 6 });
    await ctx.step('Steps 7-8: the station reports the invalid certificate', async () => {
      const event = await ctx.expectCall('SecurityEventNotification', { match: { type: 'InvalidChargingStationCertificate' }, describe: 'type InvalidChargingStationCertificate', anyOrder: 'Part 2 A04: security events of other kinds may come at any time', step: 7 });
      ctx.check('SecurityEventNotificationRequest type is InvalidChargingStationCertificate', event.payload['type'] === 'InvalidChargingStationCertificate', { expected: 'InvalidChargingStationCertificate', actual: event.payload['type'] ?? 'absent', frames: frames(event), step: 7 });
    });
  },
});
