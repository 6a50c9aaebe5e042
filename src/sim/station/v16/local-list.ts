/**
 * Local Auth List Management profile (1.6 §3.5.2, §5.10 GetLocalListVersion, §5.15 SendLocalList,
 * §9.2 LocalAuthListEnabled / LocalAuthListMaxLength / SendLocalListMaxLength).
 *
 * The list itself lives in the station core's AuthStore (the authorization block reads it when an
 * idTag is presented, online with LocalPreAuthorize or offline with LocalAuthorizeOffline); this
 * module writes it: Full replaces, Differential updates (an entry without idTagInfo is removed),
 * an older or equal Differential version is a VersionMismatch, a list larger than the configured
 * maxima is Failed, and a disabled list answers NotSupported (the update cannot be used).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { TokenInfo } from '../auth.js';
import type { Block16, Context16 } from './context.js';
import { k } from '../config-keys.js';

interface Entry {
  idTag: string;
  idTagInfo?: unknown;
}

export const localList16: Block16 = {
  name: 'local-list',
  configKeys: () => [
    k('LocalAuthListEnabled', 'bool', false, 'true'),
    k('LocalAuthListMaxLength', 'int', true, '100'),
    k('SendLocalListMaxLength', 'int', true, '100'),
  ],
  defects: [
    { name: 'local-list-version-when-disabled', description: 'GetLocalListVersion reports the stored list version while the local list is disabled (instead of -1 in 1.6, 0 in 2.0.1)' },
    { name: 'local-list-version-of-empty-list', description: 'GetLocalListVersion answers the version of the last update even when the list is empty (instead of 0)' },
    { name: 'local-list-differential-failed', description: 'answers every Differential SendLocalList with Failed' },
    { name: 'local-list-entries-refused', description: 'answers a SendLocalList that carries entries with Failed (only empty lists are taken)' },
    { name: 'local-list-update-when-disabled', description: 'accepts SendLocalList while LocalAuthListEnabled is false or the local list is not supported' },
    { name: 'local-list-no-version-check', description: 'accepts a Differential SendLocalList with a version older than the installed one' },
    { name: 'local-list-failure-hidden', description: 'answers SendLocalList Accepted even when it could not store the list' },
  ],
  quirks: [
    // OCTT 1.6 TC_043_1_CS: a charge point without the profile answers NotSupported (§7.42) and version -1 (§5.10).
    { name: 'no-local-auth-list', description: 'variant without the Local Auth List Management profile: SendLocalList NotSupported, GetLocalListVersion -1', pics: { 'FP-LocalAuthListManagement': false } },
  ],
  create: (ctx) => {
    // Set by the failLocalListUpdate control action: the list storage cannot be written (OCTT 1.6
    // TC_043_3_CS prerequisite "a state in which it will fail to set a Local List").
    let storageFails = false;
    return {
      handlers: {
        GetLocalListVersion: () => ({ listVersion: listVersion(ctx) }),
        SendLocalList: (call) => sendLocalList(ctx, call, storageFails),
      },
      actions: {
        failLocalListUpdate: async (params) => {
          storageFails = params['on'] !== false;
          return { done: true, detail: storageFails ? 'local list storage fails' : 'local list storage works' };
        },
      },
    };
  },
};

/** Whether the list can be used: the profile is there (not the `no-local-auth-list` variant) and enabled. */
const usable = ({ core, config }: Context16): boolean => config.bool('LocalAuthListEnabled') && !core.has('no-local-auth-list');

/** 1.6 §5.10: -1 when the list is not supported (here: disabled), 0 when it is empty, else its version. */
function listVersion(ctx: Context16): number {
  const { core } = ctx;
  if (!usable(ctx) && !core.has('local-list-version-when-disabled')) return -1;
  return core.auth.localListSize === 0 && !core.has('local-list-version-of-empty-list') ? 0 : core.auth.localListVersion;
}

function sendLocalList(ctx: Context16, call: InboundCall, storageFails: boolean): JsonObject {
  const { core, config, authorization } = ctx;
  if (!usable(ctx) && !core.has('local-list-update-when-disabled')) return { status: 'NotSupported' };
  const version = Number(call.payload['listVersion']);
  const updateType = call.payload['updateType'] === 'Differential' ? 'Differential' : 'Full';
  const list = (call.payload['localAuthorizationList'] as Entry[] | undefined) ?? [];
  const entries = list.map((e) => ({ idToken: e.idTag, ...(e.idTagInfo === undefined ? {} : { info: authorization.tagInfo(e.idTagInfo) }) }));
  const failed = core.has('local-list-failure-hidden') ? { status: 'Accepted' } : { status: 'Failed' };
  if (updateType === 'Differential' && core.has('local-list-differential-failed')) return { status: 'Failed' };
  if (entries.length > 0 && core.has('local-list-entries-refused')) return { status: 'Failed' };
  if (updateType === 'Differential' && version <= core.auth.localListVersion && core.auth.localListVersion !== 0 && !core.has('local-list-no-version-check')) return { status: 'VersionMismatch' };
  if (storageFails) return failed;
  // SendLocalListMaxLength bounds one request, LocalAuthListMaxLength the list it leaves (§9.2).
  if (entries.length > config.int('SendLocalListMaxLength')) return failed;
  if (sizeAfter(ctx, updateType, entries) > config.int('LocalAuthListMaxLength')) return failed;
  // With local-list-no-version-check an older Differential update is applied (and its version taken).
  return { status: core.auth.updateLocalList(version, updateType, entries, { checkVersion: !core.has('local-list-no-version-check') }) };
}

function sizeAfter({ core }: Context16, updateType: 'Full' | 'Differential', entries: ReadonlyArray<{ idToken: string; info?: TokenInfo }>): number {
  if (updateType === 'Full') return new Set(entries.filter((e) => e.info).map((e) => e.idToken)).size;
  let size = core.auth.localListSize;
  for (const e of new Map(entries.map((x) => [x.idToken, x])).values()) {
    const listed = core.auth.localListEntry(e.idToken) !== undefined;
    if (e.info && !listed) size++;
    if (!e.info && listed) size--;
  }
  return size;
}
