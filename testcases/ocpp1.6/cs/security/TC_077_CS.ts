/**
 * OCPP 1.6 TC_077_CS — Invalid ChargePointCertificate Security Event (OCTT 1.6 document §2.24.2;
 * Security Whitepaper A02.FR.06 / A02.FR.07): with CpoName configured, ExtendedTriggerMessage
 * SignChargePointCertificate (Accepted), the charge point's SignCertificate.req is Accepted, the
 * harness (as Central System and certificate authority) signs its CSR with a CA the charge point
 * does not trust and sends that in CertificateSigned.req: the charge point answers Rejected and
 * sends SecurityEventNotification.req InvalidChargePointCertificate. The signing is the run's pki
 * service (ctx.pki); without it the case cannot sign and is inconclusive.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { fromNow } from '../_shared/charge-point.js';
import { callForStatus } from './certificate-calls.js';

export default defineTestCase({
  id: 'TC_077_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Security',
  title: 'Invalid ChargePointCertificate Security Event',
  useCases: ['A02 Update Charge Point Certificate by request of Central System', 'A04 Security Event Notification'],
  requirements: ['OCPP 1.6 Security Whitepaper A02.FR.06', 'OCPP 1.6 Security Whitepaper A02.FR.07'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ExtendedTriggerMessage.conf status Accepted' },
    { step: 6, checks: 'CertificateSigned.conf status Rejected (the certificate is signed by an untrusted CA)' },
    { step: 7, checks: 'SecurityEventNotification.req type InvalidChargePointCertificate' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_077_CS step 1 validates an own message of the Central System (ExtendedTriggerMessage.req requestedMessage SignChargePointCertificate, connectorId omitted); the harness sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 4, reason: 'OCTT 1.6 document TC_077_CS step 4 validates an own message of the Central System (SignCertificate.conf status Accepted); the harness answers exactly that: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_077_CS step 5 validates an own message of the Central System (CertificateSigned.req with an invalid certificate); the harness sends its CSR signed by a CA the charge point was never given: there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-invalid-charge-point-certificate'],
  async run(ctx) {
    const pki = ctx.pki;
    if (pki === undefined) return ctx.inconclusive('the run has no certificate authority (pki service) to sign the charge point\'s CSR with');
    const configured = ctx.config.extra['cpoName'];
    await applyConfigurationStates(ctx, [{ key: 'CpoName', value: typeof configured === 'string' && configured !== '' ? configured : ctx.config.vendorId }]);
    ctx.respond('SignCertificate', () => ({ status: 'Accepted' }));
    fromNow(ctx);
    await ctx.step('Steps 1-2: ExtendedTriggerMessage.req SignChargePointCertificate: Accepted', async () => {
      await callForStatus(ctx, 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }, 'Accepted', 2);
    });
    const csr = await ctx.step('Steps 3-4: SignCertificate.req with a CSR, answered Accepted', async () => String((await ctx.expectCall('SignCertificate')).payload['csr']));
    await ctx.step('Steps 5-6: CertificateSigned.req signed by an untrusted CA: Rejected', async () => {
      let chain: string;
      try {
        chain = pki.signCsr(csr, { fault: 'wrong-ca' }).chainPem;
      } catch (err) {
        return ctx.fail(`the CSR of SignCertificate.req cannot be signed: ${err instanceof Error ? err.message : String(err)}`);
      }
      await callForStatus(ctx, 'CertificateSigned', { certificateChain: chain }, 'Rejected', 6);
    });
    await ctx.step('Steps 7-8: SecurityEventNotification.req InvalidChargePointCertificate', async () => {
      await ctx.expectCall('SecurityEventNotification', { match: { type: 'InvalidChargePointCertificate' }, describe: 'type InvalidChargePointCertificate', anyOrder: 'OCPP 1.6 Security Whitepaper A04.FR.01: a charge point reports each critical security event when it happens, so other events may come first', step: 7 });
    });
  },
});
