// OCPP 2.0.1 Part 6 §2.1, TC_A_11_CS: at security profile 3 the station renews its certificate on
// request of the CSMS (memory state RenewChargingStationCertificate): a CSR of a fresh key, then
// the certificate signed from it by the CSMS root is Accepted.
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_A_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'A',
  title: 'Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.02', 'A02.FR.03', 'A02.FR.06', 'A02.FR.08', 'A02.FR.09', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  certification: [{ profile: 'Advanced Security', need: 'M' }],
  // Prerequisite: the active NetworkConnectionProfile uses security profile 3.
  securityProfiles: [3],
  validations: [],
  detects: ['trigger-sign-certificate-rejected', 'csr-not-pem', 'rejects-valid-certificate'],
  async run(ctx) {
    // The case's table validates nothing itself; the memory state checks its own steps.
    await ctx.state('RenewChargingStationCertificate');
  },
});
