/**
 * OCPP 1.6 TC_078_CSMS — Invalid CentralSystemCertificate Security Event (OCTT 1.6 document
 * §3.21.2; Security Whitepaper M05.FR.06, A04.FR.03): the operator makes the Central System install
 * the configured certificate as CentralSystemRootCertificate; the harness-as-Charge-Point rejects it
 * (as OCTT rejects any certificate here) and sends SecurityEventNotification.req
 * InvalidCentralSystemCertificate, which the Central System must confirm.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkReply, request } from '../_shared/charge-point.js';
import { configuredRoot, rootStore } from './root-store.js';

const certificateType = 'CentralSystemRootCertificate';

export default defineTestCase({
  id: 'TC_078_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Security',
  title: 'Invalid CentralSystemCertificate Security Event',
  useCases: ['Install CA certificate in a Charge Point', 'A04 Security Event Notification'],
  requirements: ['OCPP 1.6 Security Whitepaper M05.FR.06', 'OCPP 1.6 Security Whitepaper A04.FR.03'],
  certification: [{ profile: 'Security', need: 'C' }],
  applies: { item: 'SEC-CertificateManagement' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'InstallCertificate.req certificateType CentralSystemRootCertificate' },
    { step: 2, checks: 'the harness answers InstallCertificate.conf Rejected' },
    { step: 3, checks: 'the harness sends SecurityEventNotification.req InvalidCentralSystemCertificate; the Central System answers it' },
  ],
  detects: ['security-event-call-error', 'install-certificate-wrong-type'],
  async run(ctx) {
    const store = rootStore(ctx, { accept: false });
    await ctx.step('Steps 1-2: the Central System sends InstallCertificate.req CentralSystemRootCertificate; the harness rejects it', async () => {
      await ctx.dut('triggerInstallCertificate', { certificateType, certificate: configuredRoot(ctx, certificateType) });
      const call = await ctx.expectCall('InstallCertificate', { step: 1 });
      const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
      ctx.check('InstallCertificate.req certificateType is CentralSystemRootCertificate', call.payload['certificateType'] === certificateType, { expected: certificateType, actual: call.payload['certificateType'] ?? 'absent', frames, step: 1 });
      await store.installed;
      checkReply(ctx, 'InstallCertificate', { status: 'Rejected' }, 'Rejected', frames, 2);
    });
    await ctx.step('Steps 3-4: SecurityEventNotification.req InvalidCentralSystemCertificate is confirmed', async () => {
      await request(ctx, 'SecurityEventNotification', { type: 'InvalidCentralSystemCertificate', timestamp: new Date(ctx.clock.wallMs()).toISOString(), techInfo: 'InstallCertificate rejected' }, { step: 3, describe: 'the Central System answers SecurityEventNotification.req with a SecurityEventNotification.conf' });
    });
  },
});
