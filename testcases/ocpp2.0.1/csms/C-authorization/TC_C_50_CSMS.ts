/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_50_CSMS (Part 2 C07.FR.04, with errata 2025-01 §6.3.5: the
 * configured eMAID): the station validated the contract chain itself and sends its hash data; the
 * CSMS must ask the OCSP responder named by responderURL (the harness's), which says good, and then
 * accept both the token and the certificate; the transaction is authorized with the eMAID and
 * charges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { authorizeContract, contractHashData, contractToken } from './contract-ocsp.js';
import { statusOf, transactionEvent } from './support.js';

export default defineTestCase({
  id: 'TC_C_50_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted',
  useCases: ['C07'],
  requirements: ['C07.FR.04'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'an OCSP request reaches the responder URL of the hash data before the AuthorizeResponse' },
    { step: 3, checks: 'it is an RFC 6960 OCSPRequest naming the CertID of every hash data entry' },
    { step: 4, checks: 'AuthorizeResponse idTokenInfo.status and certificateStatus Accepted; TransactionEventResponse idTokenInfo.status Accepted' },
  ],
  detects: ['skips-ocsp-check'],
  async run(ctx) {
    const auth = await authorizeContract(ctx, { status: 'good', contract: () => ({ kind: 'hashData', ids: contractHashData(ctx) }), requestStep: 2, validStep: 3 });
    await ctx.step('Step 4: AuthorizeResponse accepts the eMAID and its certificate', async () => {
      ctx.check('AuthorizeResponse idTokenInfo.status', statusOf(auth) === 'Accepted', { expected: 'Accepted', actual: statusOf(auth) ?? 'absent', frames: auth.frames, step: 4 });
      ctx.check('AuthorizeResponse certificateStatus', auth.answer['certificateStatus'] === 'Accepted', { expected: 'Accepted', actual: auth.answer['certificateStatus'] ?? 'absent', frames: auth.frames, step: 4 });
    });
    await ctx.step('Steps 5-6: TransactionEvent triggerReason Authorized with the eMAID', async () => {
      const te = await transactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Authorized', idToken: contractToken(ctx) });
      ctx.check('TransactionEventResponse idTokenInfo.status', statusOf(te) === 'Accepted', { expected: 'Accepted', actual: statusOf(te) ?? 'absent', frames: te.frames, step: 4 });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
    await ctx.step('Then: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
