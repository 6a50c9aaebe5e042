// OCPP 2.0.1 Part 6 §2.3, TC_B_50_CS: with <Configured (new) CSMS Root certificate 2> installed, the
// station migrates to the second endpoint, whose TLS server certificate that new root issued
// (another CSMS), accepts it in the handshake and boots there (Part 2 M05.FR.13).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { bootedOn, migrate, migrateBack, migrationWithinMs, nextConnection, removeInstalledRoot, type Migration } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_50_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Migrate to new ConnectionProfile - Success - New CSMS Root - New CSMS',
  useCases: ['B10', 'M05'],
  requirements: ['M05.FR.13'],
  certification: [{ profile: 'Core', need: 'M' }],
  // Prerequisite: "The Charging Station must be connected using either security profile 2 or 3."
  securityProfiles: [2, 3],
  validations: [{ step: 6, checks: 'Reset OnIdle is Accepted' }],
  detects: ['new-csms-root-unused'],
  async run(ctx) {
    await stationReady(ctx);
    const data2 = ctx.config.networkProfiles.connectionData2;
    const newRoot = data2.rootCertificate;
    if (newRoot === undefined || data2.cert === undefined) {
      ctx.inconclusive('the new CSMS of this case needs its own TLS identity: networkProfiles.connectionData2.cert / .key and the root that issued it, .rootCertificate (<Configured (new) CSMS Root certificate 2>)');
    }
    const second = await ctx.openSecondEndpoint({ identity: 'own' });
    if (second.securityProfile < 2) ctx.inconclusive(`the second endpoint must serve TLS for a new CSMS root; networkProfiles.connectionData2.securityProfile is ${second.securityProfile}`);
    await ctx.step('Before: memory state CertificateInstalled, CSMSRootCertificate <Configured (new) CSMS Root certificate 2>', async () => {
      const out = await ctx.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: newRoot });
      const status = out.status === 'result' ? out.payload['status'] : out.status;
      if (status !== 'Accepted') ctx.inconclusive(`the station did not install the new CSMS root (InstallCertificate: ${String(status)}): the case's memory state could not be set up`);
    });
    let migration: Migration | undefined;
    try {
      migration = await migrate(ctx, second, { reset: { step: 6 } });
      const from = migration.from;
      const connected = await ctx.step('Steps 7-8: the station connects to the new CSMS, accepting its certificate of the new root in the TLS handshake', async () => {
        const first = await nextConnection(ctx, second, from, migrationWithinMs(ctx));
        ctx.check('where the station connected after the reboot', first?.at === 'second', {
          expected: `a TLS connection at ${second.ocppCsmsUrl}`,
          actual: first === undefined ? 'no connection' : first.at === 'second' ? `connection ${first.entry.connectionId} at the second endpoint` : `it connected to the primary endpoint (old root) instead (connection ${first.entry.connectionId})`,
        });
        return first;
      });
      if (connected) await bootedOn(ctx, connected, 'new CSMS (second endpoint)');
    } finally {
      await migrateBack(ctx, second, migration);
      await removeInstalledRoot(ctx, newRoot);
    }
  },
});
