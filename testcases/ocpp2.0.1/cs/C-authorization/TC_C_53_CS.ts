/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_53_CS — ISO 15118 contract certificate, central
 * validation fails: the station sends the contract certificate to the CSMS (AuthorizeRequest eMAID),
 * is answered Invalid / CertificateRevoked, and does not authorize the EV: no TransactionEvent with
 * triggerReason Authorized or chargingState Charging.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { obj } from '../_shared/journal.js';
import { centralContractAuthorize } from './contract-auth.js';
import { quietSince } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_53_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Central contract validation fails',
  useCases: ['C07'],
  certification: [{ profile: 'ISO 15118 Support', need: 'C' }],
  // Part 5: the station supports central contract validation (ISO-5).
  applies: { item: 'ISO-5' },
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.type eMAID, the contract certificate provided' },
    { step: 'post', checks: 'no TransactionEventRequest with triggerReason Authorized or chargingState Charging' },
  ],
  detects: ['pnc-charges-after-rejected-contract', 'pnc-authorize-without-certificate'],
  async run(ctx) {
    await ready(ctx);
    const { since } = await centralContractAuthorize(ctx, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'CertificateRevoked' }, 1);
    await ctx.step('Post scenario: the EV is not authorized and does not charge', () =>
      quietSince(ctx, since, [{ action: 'TransactionEvent', match: (p) => p['triggerReason'] === 'Authorized' || obj(p['transactionInfo'])?.['chargingState'] === 'Charging', describe: 'TransactionEvent with triggerReason Authorized or chargingState Charging' }]),
    );
  },
});
