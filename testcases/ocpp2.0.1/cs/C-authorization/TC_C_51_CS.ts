/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_51_CS — ISO 15118 contract certificate, local
 * validation, Rejected by the CSMS (Part 2 C07.FR.01/02): the station validates the contract locally,
 * asks with an AuthorizeRequest (eMAID, iso15118CertificateHashData), is answered Invalid /
 * ContractCancelled, and does not authorize the EV: no TransactionEvent Authorized or Charging.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { obj } from '../_shared/journal.js';
import { contractAuthorize } from './contract-auth.js';
import { removeDefaultRoots } from '../_shared/certificates.js';
import { quietSince } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_51_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected',
  useCases: ['C07'],
  requirements: ['C07.FR.01', 'C07.FR.02'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.type eMAID, iso15118CertificateHashData provided' },
    { step: 'post', checks: 'no TransactionEventRequest with triggerReason Authorized or chargingState Charging' },
  ],
  detects: ['pnc-charges-after-rejected-contract', 'pnc-local-no-hash-data'],
  async run(ctx) {
    await ready(ctx);
    const { since } = await contractAuthorize(ctx, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'ContractCancelled' }, 1, 'local');
    await ctx.step('Post scenario: the EV is not authorized and does not charge', () =>
      quietSince(ctx, since, [{ action: 'TransactionEvent', match: (p) => p['triggerReason'] === 'Authorized' || obj(p['transactionInfo'])?.['chargingState'] === 'Charging', describe: 'TransactionEvent with triggerReason Authorized or chargingState Charging' }]),
    );
    await removeDefaultRoots(ctx, ['MORootCertificate', 'V2GRootCertificate']);
  },
});
