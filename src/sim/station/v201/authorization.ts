/**
 * Block C, authorization: an idToken presented at the station is checked against the Local
 * Authorization List, the Authorization Cache and the CSMS (Authorize), with the offline rules
 * of Part 2 C12/C13/C15; a second presentation of the same token (or one of its group, or the
 * master pass group) stops the transaction; ClearCache (C11).
 */
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { BlockInstance } from '../core/block.js';
import type { AuthorizationApi, Block201, Context201, Services201 } from './context.js';
import type { Evse, EvseTarget, IdToken } from './evse.js';
import { v } from '../device-model-data.js';

/** The defect that lets the station go on with a token of that status. */
const goesOnFor: Partial<Record<AuthStatus, string>> = { Blocked: 'starts-tx-for-blocked-token', Invalid: 'starts-tx-for-invalid-token', Unknown: 'starts-tx-for-invalid-token', Expired: 'starts-tx-for-expired-token' };

export const authorization: Block201 = {
  name: 'authorization',
  variables: [
    v({ component: 'AuthCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AuthCtrlr', variable: 'LocalPreAuthorize', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'AuthCtrlr', variable: 'MasterPassGroupId', dataType: 'string', mutability: 'ReadWrite', value: '' }),
    v({ component: 'AuthCacheCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AuthCacheCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: 'AuthCacheCtrlr', variable: 'LifeTime', dataType: 'integer', mutability: 'ReadWrite', value: '86400', unit: 's', min: 0 }),
    v({ component: 'AuthCacheCtrlr', variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: '100000', unit: 'B' }),
  ],
  defects: [
    { name: 'starts-tx-for-blocked-token', description: 'starts / keeps charging for a Blocked idToken' },
    { name: 'starts-tx-for-invalid-token', description: 'starts / keeps charging for an Invalid (unknown) idToken' },
    { name: 'starts-tx-for-expired-token', description: 'starts / keeps charging for an Expired idToken' },
    { name: 'no-authorize', description: 'never sends Authorize: every presented idToken is taken as valid' },
  ],
  create: (ctx) => new Authorization(ctx).instance(),
};

class Authorization implements AuthorizationApi {
  constructor(private readonly ctx: Context201) {}

  instance(): BlockInstance<EvseTarget, Services201> {
    return {
      provides: { authorization: this },
      handlers: {
        ClearCache: () => {
          if (!this.ctx.deviceModel.bool('AuthCacheCtrlr', 'Enabled')) return { status: 'Rejected' };
          this.ctx.core.auth.clearCache();
          return { status: 'Accepted' };
        },
      },
      actions: {
        presentIdToken: async (params, { evse }) => {
          const idToken = { idToken: typeof params['idToken'] === 'string' ? params['idToken'] : '04A1B2C3D4E5F6', type: typeof params['type'] === 'string' ? params['type'] : 'ISO14443' };
          return { done: true, detail: await this.presentToken(evse, idToken) };
        },
      },
    };
  }

  goesOnWith(status: AuthStatus): boolean {
    return this.ctx.core.has(goesOnFor[status] ?? '-');
  }

  remember(idToken: string, info: TokenInfo): void {
    if (this.ctx.deviceModel.bool('AuthCacheCtrlr', 'Enabled')) this.ctx.core.auth.remember(idToken, info);
  }

  async authorize(idToken: IdToken): Promise<TokenInfo> {
    const { core, deviceModel } = this.ctx;
    if (core.has('no-authorize') || !deviceModel.bool('AuthCtrlr', 'Enabled')) return { status: 'Accepted' };
    const local = core.auth.lookup(idToken.idToken, core.clock.wallMs(), {
      // Block D defect local-list-unused-offline: the list is skipped while the station is offline.
      localList: deviceModel.bool('LocalAuthListCtrlr', 'Enabled') && !(core.has('local-list-unused-offline') && !core.online),
      cache: deviceModel.bool('AuthCacheCtrlr', 'Enabled'),
    });
    if (core.online && core.accepted) {
      if (local?.status === 'Accepted' && deviceModel.bool('AuthCtrlr', 'LocalPreAuthorize')) return local;
      // Part 2 C14.FR.03 with LocalAuthListCtrlr.DisablePostAuthorize (block D): a listed idToken that is not Accepted is refused locally.
      if (local && local.status !== 'Accepted' && deviceModel.bool('AuthCtrlr', 'LocalPreAuthorize') && listed(this.ctx, idToken.idToken)) return local;
      if (deviceModel.bool('AuthCtrlr', 'DisableRemoteAuthorization')) return local ?? { status: 'Unknown' };
      const out = await core.send('Authorize', { idToken: { ...idToken } });
      if (out?.status === 'result') {
        const info = out.payload['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string } } | undefined;
        const result: TokenInfo = { status: info?.status ?? 'Invalid', ...(info?.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}) };
        this.remember(idToken.idToken, result);
        return result;
      }
    }
    if (local && deviceModel.bool('AuthCtrlr', 'LocalAuthorizeOffline')) return local;
    if (!local && deviceModel.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { status: 'Accepted' };
    return { status: local?.status ?? 'Invalid' };
  }

  private async presentToken(evse: Evse, idToken: IdToken): Promise<string> {
    // A token presented at an EVSE with a running transaction: stop when it is the same token or group.
    const running = this.ctx.evses.all.find((e) => e.tx && !e.tx.ended && e.tx.stopReason === undefined && e.tx.idToken?.idToken === idToken.idToken) ?? evse;
    const tx = running.tx;
    if (tx && !tx.ended && tx.stopReason === undefined && tx.idToken) {
      if (tx.idToken.idToken === idToken.idToken) {
        this.ctx.transactions.stopAuthorized(running, idToken);
        return 'StopAuthorized';
      }
      const info = await this.authorize(idToken);
      const master = this.ctx.deviceModel.value('AuthCtrlr', 'MasterPassGroupId');
      if (info.status === 'Accepted' && info.groupId !== undefined && (info.groupId === tx.groupId || (master !== '' && info.groupId === master))) {
        this.ctx.transactions.stopAuthorized(running, idToken, master !== '' && info.groupId === master ? 'MasterPass' : 'Local');
        return 'StopAuthorized';
      }
      return info.status;
    }
    const info = await this.authorize(idToken);
    if (info.status !== 'Accepted' && !this.goesOnWith(info.status)) return info.status;
    this.ctx.transactions.authorizeEvse(evse, { idToken, ...(info.groupId === undefined ? {} : { groupId: info.groupId }) }, 'Authorized');
    return 'Accepted';
  }
}

/** Block D's LocalAuthListCtrlr.DisablePostAuthorize applies to this idToken (it is in the enabled list). */
function listed(ctx: Context201, idToken: string): boolean {
  const { core, deviceModel } = ctx;
  const disabled = (deviceModel.bool('LocalAuthListCtrlr', 'DisablePostAuthorize') && !core.has('local-list-post-authorize')) || core.has('local-list-no-post-authorize');
  if (!deviceModel.bool('LocalAuthListCtrlr', 'Enabled') || !disabled) return false;
  return core.auth.localListEntry(idToken) !== undefined;
}
