// OCPP 2.0.1 Part 6 §2.3, TC_B_47_CS: with a new CSMS root installed, the station migrates to the
// second endpoint, which presents a certificate of the old root: the station, checking it with the
// new root, fails; after NetworkProfileConnectionAttempts (1) it falls back to the previous profile,
// validates with the old root, boots, and still reports the old root installed (M05.FR.15/16).
import { certificateHashData, defineTestCase, sameCertificate } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { obj, stationReady } from '../_shared/journal.js';
import { attemptsSince, bootedOn, migrate, migrationWithinMs, nextConnection, removeInstalledRoot } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_47_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - New CSMS Root - New CSMS',
  useCases: ['B09', 'B10', 'M05'],
  requirements: ['B10.FR.07', 'M05.FR.15', 'M05.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { all: [{ item: 'AS-2' }, { item: 'C-47' }] },
  // Steps 7-9 happen "during the TLS handshake": the connection is TLS, security profile 2 or 3.
  securityProfiles: [2, 3],
  validations: [
    { step: 6, checks: 'Reset OnIdle is Accepted' },
    { step: 12, checks: 'GetInstalledCertificateIds(CSMSRootCertificate) is Accepted and lists the configured old CSMS root' },
  ],
  detects: ['drops-old-csms-root', 'no-network-fallback'],
  async run(ctx) {
    await stationReady(ctx);
    const data2 = ctx.config.networkProfiles.connectionData2;
    const newRoot = data2.rootCertificate;
    const oldRoot = data2.primaryRootCertificate ?? '';
    if (newRoot === undefined || oldRoot === '') {
      ctx.inconclusive('the case needs <Configured (new) CSMS Root certificate 2> and the old CSMS root: networkProfiles.connectionData2.rootCertificate and .primaryRootCertificate');
    }
    await ctx.step('Before: OCPPCommCtrlr.NetworkProfileConnectionAttempts is 1', async () => {
      await prepareVariables(ctx, [{ component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts', value: '1' }]);
    });
    await ctx.step('Before: memory state CertificateInstalled, CSMSRootCertificate <Configured (new) CSMS Root certificate 2>', async () => {
      const out = await ctx.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: newRoot });
      const status = out.status === 'result' ? out.payload['status'] : out.status;
      if (status !== 'Accepted') ctx.inconclusive(`the station did not install the new CSMS root (InstallCertificate: ${String(status)}): the case's memory state could not be set up`);
    });
    // Step 7: the second endpoint presents a certificate the old root signed.
    const second = await ctx.openSecondEndpoint({ identity: 'primary' });
    if (second.securityProfile < 2) ctx.inconclusive(`the second endpoint must serve TLS; networkProfiles.connectionData2.securityProfile is ${second.securityProfile}`);
    const { from } = await migrate(ctx, second, { reset: { step: 6 } });
    const back = await ctx.step('Steps 7-9: the handshake at the new profile fails (new root); the station falls back to the previous profile (old root)', async () => {
      const connected = await nextConnection(ctx, second, from, migrationWithinMs(ctx));
      ctx.check('the station does not accept the old root\'s certificate at the new profile', connected?.at !== 'second', {
        expected: 'no connection at the second endpoint (M05: the new profile is checked with the new CSMS root)',
        actual: connected?.at === 'second' ? `connection ${connected.entry.connectionId} at the second endpoint` : `${attemptsSince(ctx, second, from).filter((a) => a.at === 'second').length} failed attempt(s) there`,
      });
      ctx.check('the station connects with the previous profile', connected?.at === 'primary', {
        expected: 'a connection at the primary endpoint',
        actual: connected === undefined ? 'no connection' : `connection ${connected.entry.connectionId} at the ${connected.at} endpoint`,
      });
      return connected;
    });
    if (!back) return;
    await bootedOn(ctx, back, 'primary endpoint');
    try {
      await ctx.step('Steps 11-12: GetInstalledCertificateIds for CSMSRootCertificate lists the old CSMS root', async () => {
        const res = await ctx.callExpect('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
        ctx.check('GetInstalledCertificateIdsResponse status', res['status'] === 'Accepted', { expected: 'Accepted', actual: res['status'] ?? 'absent', step: 12 });
        const wanted = certificateHashData(oldRoot);
        const chain = Array.isArray(res['certificateHashDataChain']) ? (res['certificateHashDataChain'] as unknown[]).map(obj) : [];
        const found = chain.some((c) => c?.['certificateType'] === 'CSMSRootCertificate' && sameCertificate(obj(c['certificateHashData']) ?? {}, wanted));
        ctx.check('certificateHashDataChain has the old CSMS root (certificateType CSMSRootCertificate)', found, {
          expected: `an entry with issuerNameHash ${wanted.issuerNameHash.slice(0, 16)}…, serialNumber ${wanted.serialNumber}`,
          actual: chain.length === 0 ? 'no certificateHashDataChain' : chain.map((c) => `${String(c?.['certificateType'])}:${String(obj(c?.['certificateHashData'])?.['serialNumber'])}`).join(', '),
          step: 12,
        });
      });
    } finally {
      await removeInstalledRoot(ctx, newRoot);
    }
  },
});
