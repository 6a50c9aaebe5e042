// OCPP 2.0.1 Part 6 §3.1, TC_A_11_CSMS: the CSMS renews the station certificate (memory state
// RenewChargingStationCertificate, Table 711): TriggerMessage, SignCertificate Accepted, then a
// CertificateSigned whose chain is signed from our CSR by the CSMS root.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { renewChargingStationCertificate } from './certificate-signing.js';

export default defineTestCase({
  id: 'TC_A_11_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'A',
  title: 'Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.11', 'A02.FR.14', 'F06.FR.01'],
  certification: [{ profile: 'Advanced Security', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['sign-certificate-rejected', 'no-certificate-signed', 'certificate-signed-wrong-ca', 'certificate-signed-wrong-type'],
  async run(ctx) {
    // The case's own table validates nothing; the memory state's validations (requestedMessage,
    // SignCertificateResponse Accepted, the chain and certificateType) are checked inside it.
    await renewChargingStationCertificate(ctx, 'Accepted');
  },
});
