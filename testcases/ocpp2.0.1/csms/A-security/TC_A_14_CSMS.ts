// OCPP 2.0.1 Part 6 §3.1, TC_A_14_CSMS: the CSMS asks for a new station certificate and the
// station rejects the certificate the CSMS signed; the CSMS must have accepted the CSR first.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { renewChargingStationCertificate } from './certificate-signing.js';

export default defineTestCase({
  id: 'TC_A_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'A',
  title: 'Update Charging Station Certificate by request of CSMS - Invalid certificate',
  useCases: ['A02'],
  certification: [{ profile: 'Advanced Security', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage SignChargingStationCertificate' },
    { step: 4, checks: 'SignCertificateResponse status Accepted' },
  ],
  detects: ['sign-certificate-rejected', 'no-certificate-signed'],
  async run(ctx) {
    // Step 5 is not validated by the table: the CertificateSigned only has to come, so that step 6 can reject it.
    await renewChargingStationCertificate(ctx, 'Rejected', { trigger: 1, signResponse: 4, judgeChain: false });
  },
});
