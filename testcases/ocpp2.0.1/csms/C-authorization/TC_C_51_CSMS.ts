/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_51_CSMS (Part 2 C07.FR.16): as TC_C_50_CSMS, but the contract
 * certificate is revoked (prerequisite), so the harness's OCSP responder answers revoked. Part 6
 * lists no tool validations for this case (and its step 3 repeats "valid" from TC_C_50); what is
 * judged here is what the case exists for: the CSMS asks the responder, and its AuthorizeResponse
 * does not accept the revoked certificate (certificateStatus CertificateRevoked, the
 * AuthorizeCertificateStatusEnumType value for it).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeContract, contractHashData } from './contract-ocsp.js';

export default defineTestCase({
  id: 'TC_C_51_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected',
  useCases: ['C07'],
  requirements: ['C07.FR.16'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['EVConnectedPreSession'],
  detects: ['ignores-ocsp-revoked', 'skips-ocsp-check'],
  async run(ctx) {
    const auth = await authorizeContract(ctx, { status: 'revoked', contract: () => ({ kind: 'hashData', ids: contractHashData(ctx) }) });
    await ctx.step('Step 4: AuthorizeResponse refuses the revoked certificate', async () => {
      ctx.check('AuthorizeResponse certificateStatus', auth.answer['certificateStatus'] === 'CertificateRevoked', { expected: 'CertificateRevoked', actual: auth.answer['certificateStatus'] ?? 'absent', frames: auth.frames });
    });
  },
});
