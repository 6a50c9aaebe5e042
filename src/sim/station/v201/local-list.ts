/**
 * Block D, local authorization list management: SendLocalList (D01) and GetLocalListVersion (D02)
 * over the core's AuthStore (block C reads the same list when it authorizes). The list and its
 * version live in the core, so they survive a reboot (D01.FR.10); `Entries` follows the list.
 */
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201, Context201 } from './context.js';
import { v } from '../device-model-data.js';

const ctrlr = 'LocalAuthListCtrlr';

interface AuthorizationData {
  idToken?: { idToken?: unknown };
  idTokenInfo?: { status?: unknown; groupIdToken?: { idToken?: unknown }; cacheExpiryDateTime?: unknown };
}

export const localList: Block201 = {
  name: 'local-list',
  variables: [
    v({ component: ctrlr, variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: ctrlr, variable: 'Entries', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
    v({ component: ctrlr, variable: 'ItemsPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100' }),
    v({ component: ctrlr, variable: 'BytesPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100000' }),
    v({ component: ctrlr, variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: '100000', unit: 'B' }),
    // Part 2 C14.FR.03 / LA-3: a listed idToken that is not Accepted is refused without an Authorize.
    v({ component: ctrlr, variable: 'DisablePostAuthorize', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  ],
  defects: [
    { name: 'local-list-stale-version', description: 'stores a SendLocalList but GetLocalListVersion keeps reporting the version before it' },
    { name: 'local-list-rejects-differential', description: 'answers Failed to a Differential SendLocalList that adds or updates idTokens' },
    { name: 'local-list-differential-remove-fails', description: 'answers Failed to a Differential SendLocalList entry without idTokenInfo (a removal)' },
    { name: 'local-list-rejects-empty-full', description: 'answers Failed to a Full SendLocalList without localAuthorizationList (clearing the list)' },
    { name: 'local-list-rejects-empty-differential', description: 'answers Failed to a Differential SendLocalList without localAuthorizationList' },
    { name: 'local-list-no-version-mismatch', description: 'applies a Differential SendLocalList whose versionNumber is not above the current one instead of VersionMismatch' },
    { name: 'local-list-lost-on-reboot', description: 'keeps the local list in volatile memory: a reboot leaves it empty with version 0' },
    { name: 'local-list-version-zero', description: 'GetLocalListVersion always answers 0, even with a list installed' },
    { name: 'local-list-version-when-disabled', description: 'GetLocalListVersion reports the stored list version while the local list is disabled (instead of -1 in 1.6, 0 in 2.0.1)' },
    { name: 'local-list-all-accepted', description: 'stores every local-list entry as Accepted, dropping idTokenInfo.status (Invalid / Blocked / Expired)' },
    { name: 'local-list-drops-group', description: 'stores local-list entries without their idTokenInfo.groupIdToken' },
    { name: 'local-list-unused-offline', description: 'does not consult the local list while offline (only the cache), block C authorization' },
    { name: 'local-list-not-stored', description: 'answers SendLocalList Accepted and takes its version, but stores none of its idTokens' },
    { name: 'local-list-no-post-authorize', description: 'refuses a listed idToken that is not Accepted without asking the CSMS, although LocalAuthListCtrlr.DisablePostAuthorize is false (C14.FR.03)' },
    { name: 'local-list-post-authorize', description: 'ignores LocalAuthListCtrlr.DisablePostAuthorize: asks the CSMS about a listed idToken that is not Accepted' },
  ],
  create: (ctx) => {
    let before = ctx.core.auth.localListVersion;
    const entriesChanged = (): void => ctx.deviceModel.setInternal({ name: ctrlr }, { name: 'Entries' }, String(ctx.core.auth.localListSize));
    ctx.core.bus.on('powerDown', () => {
      if (!ctx.core.has('local-list-lost-on-reboot')) return;
      ctx.core.auth.forgetLocalList();
      before = 0;
      entriesChanged();
    });
    return {
      handlers: {
        SendLocalList: (call) => {
          const current = ctx.core.auth.localListVersion;
          const status = sendLocalList(ctx, call.payload);
          if (status === 'Accepted' && ctx.core.auth.localListVersion !== current) before = current;
          entriesChanged();
          return { status };
        },
        GetLocalListVersion: () => {
          const { core, deviceModel } = ctx;
          // D02.FR.03: with the list disabled the answer is 0; D02.FR.02: 0 when no list was ever sent.
          if (!deviceModel.bool(ctrlr, 'Enabled') && !core.has('local-list-version-when-disabled')) return { versionNumber: 0 };
          if (core.has('local-list-version-zero')) return { versionNumber: 0 };
          return { versionNumber: core.has('local-list-stale-version') ? before : core.auth.localListVersion };
        },
      },
    };
  },
};

function sendLocalList(ctx: Context201, payload: JsonObject): 'Accepted' | 'Failed' | 'VersionMismatch' {
  const { core, deviceModel } = ctx;
  if (!deviceModel.bool(ctrlr, 'Enabled')) return 'Failed';
  const differential = payload['updateType'] === 'Differential';
  const list = Array.isArray(payload['localAuthorizationList']) ? (payload['localAuthorizationList'] as AuthorizationData[]) : [];
  if (list.length === 0 && core.has(differential ? 'local-list-rejects-empty-differential' : 'local-list-rejects-empty-full')) return 'Failed';
  if (differential && list.some((e) => e.idTokenInfo !== undefined) && core.has('local-list-rejects-differential')) return 'Failed';
  if (differential && list.some((e) => e.idTokenInfo === undefined) && core.has('local-list-differential-remove-fails')) return 'Failed';
  // D01: more entries or bytes than the station announced, or more than it can store, is a Failed update.
  if (list.length > deviceModel.int(ctrlr, 'ItemsPerMessage') || JSON.stringify(payload).length > deviceModel.int(ctrlr, 'BytesPerMessage')) return 'Failed';
  const entries = core.has('local-list-not-stored') ? [] : list.flatMap((e) => {
    const idToken = typeof e.idToken?.idToken === 'string' ? e.idToken.idToken : undefined;
    return idToken === undefined ? [] : [{ idToken, ...(e.idTokenInfo ? { info: infoOf(ctx, e.idTokenInfo) } : {}) }];
  });
  const grows = differential ? entries.filter((e) => e.info && !core.auth.localListEntry(e.idToken)).length : entries.length - core.auth.localListSize;
  if (core.auth.localListSize + grows > Math.floor(deviceModel.int(ctrlr, 'Storage') / 64)) return 'Failed';
  const versionNumber = typeof payload['versionNumber'] === 'number' ? payload['versionNumber'] : 0;
  // D01.FR.19: a Differential whose versionNumber is not above the installed one is VersionMismatch.
  return core.auth.updateLocalList(versionNumber, differential ? 'Differential' : 'Full', entries, { checkVersion: !core.has('local-list-no-version-mismatch') });
}

function infoOf(ctx: Context201, info: NonNullable<AuthorizationData['idTokenInfo']>): TokenInfo {
  const status = (typeof info.status === 'string' ? info.status : 'Invalid') as AuthStatus;
  const group = typeof info.groupIdToken?.idToken === 'string' && !ctx.core.has('local-list-drops-group') ? info.groupIdToken.idToken : undefined;
  const expiry = typeof info.cacheExpiryDateTime === 'string' ? Date.parse(info.cacheExpiryDateTime) : Number.NaN;
  return {
    status: ctx.core.has('local-list-all-accepted') ? 'Accepted' : status,
    ...(group === undefined ? {} : { groupId: group }),
    ...(Number.isFinite(expiry) ? { expiresAtMs: expiry } : {}),
  };
}
