/**
 * Block B, network connection profiles (Part 2 B09/B10). SetNetworkProfile stores connection data
 * in one of the configuration slots the station offers (the valuesList of
 * OCPPCommCtrlr.NetworkConfigurationPriority); a slot it does not have, an OCPP version it does not
 * speak or a security profile below the one in use is Rejected. The profile it was started with
 * sits in the first slot of the priority list.
 *
 * Migration (B10): at every power-on the station reads NetworkConfigurationPriority (a change is
 * RebootRequired) and dials its profiles in that order, each NetworkProfileConnectionAttempts
 * times; when all failed it falls back to the profile of its last successful connection and keeps
 * reconnecting there with the OCPP-J back-off (B10.FR.07/09, errata 2025-01). Over TLS a profile
 * the CSMS set is checked against the installed CSMSRootCertificates (M05: the new root is used
 * for the new CSMS); the profile it was started with also keeps the root it was started with.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { ClientTlsOptions } from '../../../transport/tls-options.js';
import type { ConnectionPlanner, DialTarget } from '../core/link.js';
import type { Block201, Context201 } from './context.js';

interface Profile {
  slot: number;
  url: string;
  /** The profile the station was started with (options.csmsUrl / options.tls). */
  original: boolean;
}

type SlotTarget = DialTarget & { slot: number };

export const networkProfiles: Block201 = {
  name: 'provisioning-network',
  defects: [
    { name: 'network-profile-any-slot-accepted', description: 'accepts SetNetworkProfile for a configurationSlot it does not have' },
    { name: 'ignores-network-priority', description: 'after a reboot dials the profile it was started with, whatever NetworkConfigurationPriority says (Part 2 B10.FR.01)' },
    { name: 'no-network-fallback', description: 'keeps dialling the first profile of NetworkConfigurationPriority after NetworkProfileConnectionAttempts failed, never the next one (Part 2 B10.FR.03)' },
    { name: 'new-csms-root-unused', description: 'checks the server certificate of a new network profile against the root it was started with, not the installed CSMSRootCertificate (Part 2 M05.FR.13)' },
    { name: 'network-fallback-gives-up', description: 'stops trying to connect once every profile of NetworkConfigurationPriority failed, instead of reconnecting to the last good one (Part 2 B10.FR.07/09)' },
  ],
  create: (ctx) => {
    const slots = new Map<number, Profile>();
    const first = priorityOf(ctx)[0];
    if (first !== undefined) slots.set(first, { slot: first, url: ctx.core.options.csmsUrl, original: true });
    ctx.core.useConnectionPlanner(planner(ctx, slots));
    return { handlers: { SetNetworkProfile: (call) => setNetworkProfile(ctx, slots, call) } };
  },
};

function priorityOf(ctx: Context201): number[] {
  return ctx.deviceModel.list('OCPPCommCtrlr', 'NetworkConfigurationPriority').map(Number).filter((n) => Number.isInteger(n));
}

function setNetworkProfile(ctx: Context201, slots: Map<number, Profile>, call: InboundCall): JsonObject {
  const { core, deviceModel } = ctx;
  const slot = call.payload['configurationSlot'];
  const data = call.payload['connectionData'] as JsonObject | undefined;
  const offered = deviceModel.specsOf((s) => s.component === 'OCPPCommCtrlr' && s.variable === 'NetworkConfigurationPriority')[0]?.valuesList ?? [];
  const rejected = (reason: string): JsonObject => ({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: reason } });
  if (typeof slot !== 'number' || (!offered.includes(String(slot)) && !core.has('network-profile-any-slot-accepted'))) return rejected(`configurationSlot ${String(slot)} is not one of ${offered.join(', ')}`);
  if (data?.['ocppVersion'] !== 'OCPP20') return rejected(`ocppVersion ${String(data?.['ocppVersion'])}`);
  const current = deviceModel.int('SecurityCtrlr', 'SecurityProfile');
  if (typeof data['securityProfile'] !== 'number' || (data['securityProfile'] < current && !core.has('accepts-downgrade'))) return rejected(`securityProfile below the current ${current}`);
  if (typeof data['ocppCsmsUrl'] !== 'string' || !/^wss?:\/\//.test(data['ocppCsmsUrl'])) return rejected('ocppCsmsUrl is not a ws:// or wss:// URL');
  slots.set(slot, { slot, url: data['ocppCsmsUrl'], original: false });
  return { status: 'Accepted' };
}

/** The roots a profile's TLS server certificate is checked against. */
function tlsFor(ctx: Context201, profile: Profile): ClientTlsOptions | undefined {
  const started = ctx.core.options.tls;
  if (!profile.url.startsWith('wss://')) return undefined;
  const startedCa = started?.ca === undefined ? [] : Array.isArray(started.ca) ? started.ca : [started.ca];
  const installed = ctx.certificates.installed('CSMSRootCertificate');
  // M05: a profile the CSMS set is checked against the root(s) installed since the start only; the
  // one it started with keeps its own root as well (the fallback of AdditionalRootCertificateCheck).
  const flat = (pem: string): string => pem.replace(/\s+/g, '');
  const added = installed.filter((pem) => !startedCa.some((s) => flat(s) === flat(pem)));
  const ca = profile.original ? [...startedCa, ...added] : ctx.core.has('new-csms-root-unused') || added.length === 0 ? startedCa : added;
  return { ...(started ?? {}), ...(ca.length > 0 ? { ca } : {}) };
}

/**
 * B10 as a planner for the station's link: the order is read at the first attempt of a power
 * cycle; each failed attempt counts against its slot; a success makes that slot the last good one,
 * where a lost connection reconnects.
 */
function planner(ctx: Context201, slots: Map<number, Profile>): ConnectionPlanner {
  let order: number[] = [];
  let position = 0;
  let failuresHere = 0;
  let lastGood: number | undefined;
  let settled: number | undefined;
  let previous: number | undefined;
  const attemptsPerSlot = (): number => Math.max(1, ctx.deviceModel.int('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts'));
  const originalSlot = (): number | undefined => [...slots.values()].find((p) => p.original)?.slot;
  return {
    next(first: boolean): SlotTarget | undefined {
      if (first) {
        const known = priorityOf(ctx).filter((s) => slots.has(s));
        const original = originalSlot();
        order = ctx.core.has('ignores-network-priority') && original !== undefined ? [original] : known;
        if (order.length === 0 && original !== undefined) order = [original];
        position = 0;
        failuresHere = 0;
        settled = undefined;
      }
      const slot = settled ?? order[position];
      if (slot === undefined) return undefined;
      const profile = slots.get(slot);
      if (profile === undefined) return undefined;
      const tls = tlsFor(ctx, profile);
      const target: SlotTarget = { slot, url: profile.url, ...(tls ? { tls } : {}), switched: previous !== undefined && previous !== slot };
      return target;
    },
    result(target: DialTarget, connected: boolean): void {
      const slot = (target as SlotTarget).slot;
      previous = slot;
      if (connected) {
        lastGood = slot;
        settled = slot;
        failuresHere = 0;
        return;
      }
      if (settled !== undefined) return;
      failuresHere++;
      if (failuresHere < attemptsPerSlot() || ctx.core.has('no-network-fallback')) return;
      failuresHere = 0;
      position++;
      if (position < order.length) return;
      // B10.FR.07: every profile failed NetworkProfileConnectionAttempts times: back to the last good one, for good.
      if (ctx.core.has('network-fallback-gives-up')) {
        order = [];
        position = 0;
        return;
      }
      settled = lastGood ?? order[0];
    },
  };
}
