// OCPP 2.0.1 Part 6 §2.1, TC_A_22_CS: SetNetworkProfile for the configuration slot not in use,
// with a security profile below the one in use: the station must reject the downgrade (B09.FR.04).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getVariables } from '../_shared/expect.js';
import { stationReady } from '../_shared/journal.js';
import { connectionData } from '../B-provisioning/network-profile.js';

export default defineTestCase({
  id: 'TC_A_22_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'A',
  title: 'Upgrade Charging Station Security Profile - Downgrade security profile - Rejected',
  useCases: ['A05', 'B09'],
  requirements: ['B09.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  // Prerequisite: the station supports security profile 2 and/or 3 (a lower one must exist to downgrade to).
  securityProfiles: [2, 3],
  validations: [{ step: 2, checks: 'SetNetworkProfileResponse status Rejected' }],
  detects: ['accepts-downgrade'],
  async run(ctx) {
    await stationReady(ctx);
    const active = ctx.config.securityProfile;
    const d2 = ctx.config.networkProfiles.connectionData2;
    // <Configured securityProfile2>: lower than the active one; when the configured one is not lower, the next lower profile.
    const lower = d2.securityProfile !== undefined && d2.securityProfile < active ? d2.securityProfile : active - 1;
    if (lower < 0) ctx.inconclusive(`the run uses security profile ${active}: there is no lower one to downgrade to`);
    const [priority] = await getVariables(ctx, [{ component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority' }]);
    if (priority === undefined || priority === '') ctx.inconclusive('the station did not report OCPPCommCtrlr.NetworkConfigurationPriority: the slot in use is not known');
    const inUse = Number((priority ?? '').split(',')[0]?.trim());
    const { configurationSlot, configurationSlot2 } = ctx.config.networkProfiles;
    const slot = inUse === configurationSlot ? configurationSlot2 : configurationSlot;
    const base = connectionData(ctx);
    // <ocppCsmsUrl that is not currently active>: connectionData2's URL, or the configured one with the lower profile's scheme.
    const url = d2.ocppCsmsUrl ?? String(base['ocppCsmsUrl']).replace(/^wss?:/, lower >= 2 ? 'wss:' : 'ws:');
    await ctx.step(`Steps 1-2: SetNetworkProfile for configurationSlot ${slot} with securityProfile ${lower} (active: ${active})`, async () => {
      const out = await ctx.call('SetNetworkProfile', {
        configurationSlot: slot,
        connectionData: { ...base, ocppCsmsUrl: url, securityProfile: lower, ocppInterface: d2.ocppInterface, ...(d2.messageTimeoutS === undefined ? {} : { messageTimeout: d2.messageTimeoutS }) },
      });
      const status = out.status === 'result' ? out.payload['status'] : out.status;
      ctx.check('SetNetworkProfileResponse status is Rejected', status === 'Rejected', { expected: 'Rejected', actual: status ?? 'absent', step: 2 });
    });
  },
});
