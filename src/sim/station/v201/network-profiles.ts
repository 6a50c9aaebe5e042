/**
 * Block B, network connection profiles (Part 2 B09): SetNetworkProfile stores connection data in
 * one of the configuration slots the station offers (the valuesList of
 * OCPPCommCtrlr.NetworkConfigurationPriority). A slot it does not have, an OCPP version it does
 * not speak or a security profile below the one in use is Rejected. Migrating to a stored
 * profile (B10) is not built yet: the station keeps dialling the URL it was started with.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201 } from './context.js';

export const networkProfiles: Block201 = {
  name: 'provisioning-network',
  defects: [{ name: 'network-profile-any-slot-accepted', description: 'accepts SetNetworkProfile for a configurationSlot it does not have' }],
  create: (ctx) => {
    const slots = new Map<number, JsonObject>();
    return { handlers: { SetNetworkProfile: (call) => setNetworkProfile(ctx, slots, call) } };
  },
};

function setNetworkProfile(ctx: Context201, slots: Map<number, JsonObject>, call: InboundCall): JsonObject {
  const { core, deviceModel } = ctx;
  const slot = call.payload['configurationSlot'];
  const data = call.payload['connectionData'] as JsonObject | undefined;
  const offered = deviceModel.specsOf((s) => s.component === 'OCPPCommCtrlr' && s.variable === 'NetworkConfigurationPriority')[0]?.valuesList ?? [];
  const rejected = (reason: string): JsonObject => ({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: reason } });
  if (typeof slot !== 'number' || (!offered.includes(String(slot)) && !core.has('network-profile-any-slot-accepted'))) return rejected(`configurationSlot ${String(slot)} is not one of ${offered.join(', ')}`);
  if (data?.['ocppVersion'] !== 'OCPP20') return rejected(`ocppVersion ${String(data?.['ocppVersion'])}`);
  const current = deviceModel.int('SecurityCtrlr', 'SecurityProfile');
  if (typeof data['securityProfile'] !== 'number' || data['securityProfile'] < current) return rejected(`securityProfile below the current ${current}`);
  slots.set(slot, { ...data });
  return { status: 'Accepted' };
}
