/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_52_CSMS (Part 2 C07.FR.04/05, with errata 2025-01 §6.3.6: the
 * certificate comes from the tool's own keystore): the station cannot validate the contract and
 * sends the certificate itself, without iso15118CertificateHashData; the CSMS must work out the
 * CertID (issuer name and key hashes, serial) and ask the OCSP responder of the certificate's
 * authorityInfoAccess (the harness's), then accept; the transaction is authorized and charges.
 * The certificate is made for the run (contract-certificate.ts) so that it names the responder.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { contractCertificateFor } from './contract-certificate.js';
import { authorizeContract, contractToken } from './contract-ocsp.js';
import { statusOf, transactionEvent } from './support.js';

export default defineTestCase({
  id: 'TC_C_52_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted',
  useCases: ['C07'],
  requirements: ['C07.FR.04', 'C07.FR.05'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'an OCSP request reaches the responder URL of the contract certificate before the AuthorizeResponse' },
    { step: 3, checks: 'it is an RFC 6960 OCSPRequest naming the CertID of the contract certificate' },
    { step: 4, checks: 'AuthorizeResponse idTokenInfo.status and certificateStatus Accepted' },
    { step: 6, checks: 'TransactionEventResponse idTokenInfo.status Accepted' },
  ],
  detects: ['skips-ocsp-check'],
  async run(ctx) {
    const token = contractToken(ctx);
    const auth = await authorizeContract(ctx, {
      status: 'good',
      contract: (url) => {
        const cert = contractCertificateFor(ctx, token.idToken, url);
        return { kind: 'certificate', pem: cert.pem, expected: cert.certId };
      },
      requestStep: 2,
      validStep: 3,
    });
    await ctx.step('Step 4: AuthorizeResponse accepts the eMAID and its certificate', async () => {
      ctx.check('AuthorizeResponse idTokenInfo.status', statusOf(auth) === 'Accepted', { expected: 'Accepted', actual: statusOf(auth) ?? 'absent', frames: auth.frames, step: 4 });
      ctx.check('AuthorizeResponse certificateStatus', auth.answer['certificateStatus'] === 'Accepted', { expected: 'Accepted', actual: auth.answer['certificateStatus'] ?? 'absent', frames: auth.frames, step: 4 });
    });
    await ctx.step('Steps 5-6: TransactionEvent triggerReason Authorized with the eMAID', async () => {
      const te = await transactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Authorized', idToken: token });
      ctx.check('TransactionEventResponse idTokenInfo.status', statusOf(te) === 'Accepted', { expected: 'Accepted', actual: statusOf(te) ?? 'absent', frames: te.frames, step: 6 });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
    await ctx.step('Then: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
