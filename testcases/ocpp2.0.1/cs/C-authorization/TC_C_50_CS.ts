/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_50_CS — ISO 15118 contract certificate, local
 * validation Accepted (Part 2 C07.FR.01/02): with the V2G and MO roots installed the station
 * validates the EV's contract certificate itself, asks the CSMS with an AuthorizeRequest (eMAID,
 * iso15118CertificateHashData), and on Accepted starts: TransactionEvent Authorized, energy transfer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { frames, obj, sessionOf } from '../_shared/journal.js';
import { contractAuthorize } from './contract-auth.js';
import { removeDefaultRoots } from '../_shared/certificates.js';

export default defineTestCase({
  id: 'TC_C_50_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted',
  useCases: ['C07'],
  requirements: ['C07.FR.01', 'C07.FR.02'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.type eMAID, iso15118CertificateHashData provided' },
    { step: 3, checks: 'TransactionEventRequest triggerReason Authorized' },
  ],
  detects: ['pnc-local-no-hash-data'],
  async run(ctx) {
    await ready(ctx);
    const { auth } = await contractAuthorize(ctx, { idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' }, 1, 'local');
    const emaid = obj(auth.payload['idToken']);
    ctx.respond('TransactionEvent', (call) => (call.payload['idToken'] === undefined ? {} : { idTokenInfo: { status: 'Accepted' } }));
    await ctx.step('Steps 3-4: TransactionEvent triggerReason Authorized', async () => {
      // The EV is connected (EVConnectedPreSession): the authorization starts or updates the transaction.
      const te = await ctx.expectCall('TransactionEvent', { from: auth.index, match: (p) => obj(p['idToken']) !== undefined, describe: 'the TransactionEvent with the eMAID', step: 3 });
      ctx.check('TransactionEventRequest triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(te), step: 3 });
      const s = sessionOf(ctx, ctx.config.evseId);
      s.authorized = true;
      s.method = 'local';
      if (typeof emaid?.['idToken'] === 'string') s.idToken = { idToken: emaid['idToken'], type: 'eMAID' };
      if (obj(te.payload['transactionInfo'])?.['chargingState'] === 'Charging') s.chargingIndex = te.index;
    });
    await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await removeDefaultRoots(ctx, ['MORootCertificate', 'V2GRootCertificate']);
  },
});
