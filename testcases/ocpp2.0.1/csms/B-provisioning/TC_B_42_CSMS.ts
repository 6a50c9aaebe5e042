/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_42_CSMS: the CSMS sets a new network connection profile in the
 * configured slot with the configured connection data (JSON, OCPP20); the simulated station accepts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, obj } from '../_shared/station.js';
import { configuredNetworkProfile, setNetworkProfile } from './support.js';

export default defineTestCase({
  id: 'TC_B_42_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Set new NetworkConnectionProfile - Accepted',
  useCases: ['B09'],
  requirements: ['B09.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'SetNetworkProfileRequest: configured configurationSlot, messageTimeout, ocppCsmsUrl, ocppInterface, securityProfile; ocppTransport JSON, ocppVersion OCPP20' },
  ],
  detects: ['network-profile-wrong-version'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends the new profile; the station accepts', async () => {
      const call = await setNetworkProfile(ctx, 'Accepted');
      const want = configuredNetworkProfile(ctx);
      const data = obj(call.payload['connectionData']) ?? {};
      const field = (name: string, actual: unknown, expected: unknown): void =>
        ctx.check(`SetNetworkProfileRequest.${name} is ${JSON.stringify(expected)}`, actual === expected, { expected, actual: actual ?? 'absent', frames: framesOf(call), step: 1 });
      field('configurationSlot', call.payload['configurationSlot'], want.configurationSlot);
      field('connectionData.messageTimeout', data['messageTimeout'], want.messageTimeout);
      field('connectionData.ocppCsmsUrl', data['ocppCsmsUrl'], want.ocppCsmsUrl);
      field('connectionData.ocppInterface', data['ocppInterface'], want.ocppInterface);
      field('connectionData.ocppTransport', data['ocppTransport'], 'JSON');
      field('connectionData.ocppVersion', data['ocppVersion'], 'OCPP20');
      field('connectionData.securityProfile', data['securityProfile'], want.securityProfile);
    });
  },
});
