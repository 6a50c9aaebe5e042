/**
 * Block C, authorization: an idToken presented at the station is checked against the Local
 * Authorization List, the Authorization Cache (auth-cache.ts, through the context) and the CSMS
 * (Authorize), with the rules of Part 2 C01 (online), C10/C12 (cache: LocalPreAuthorize,
 * post-authorization of a cached non-Accepted token unless AuthCacheCtrlr.DisablePostAuthorize),
 * C12/C13/C15 (offline). A second presentation of the same token, or an Accepted one of the same
 * GroupId (C09), stops the transaction; a token of the MasterPassGroupId never starts one and
 * stops every ongoing transaction (C16.FR.02, a station without a user interface). The
 * `master-pass-ui` variant has a user interface: after the master pass the user selects what to
 * stop, all transactions or the one of an EVSE (C16.FR.01, control action selectMasterPassStop).
 */
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { BlockInstance } from '../core/block.js';
import type { AuthorizationApi, Block201, Context201, Services201 } from './context.js';
import { activeTx, type Evse, type EvseTarget, type IdToken } from './evse.js';
import { v } from '../device-model-data.js';

/** The defect that lets the station go on with a token of that status. */
const goesOnFor: Partial<Record<AuthStatus, string>> = { Blocked: 'starts-tx-for-blocked-token', Invalid: 'starts-tx-for-invalid-token', Unknown: 'starts-tx-for-unknown-token', Expired: 'starts-tx-for-expired-token' };

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
  ],
  defects: [
    { name: 'starts-tx-for-blocked-token', description: 'starts / keeps charging for a Blocked idToken' },
    { name: 'starts-tx-for-invalid-token', description: 'starts / keeps charging for an Invalid (unknown) idToken' },
    { name: 'starts-tx-for-unknown-token', description: 'starts / keeps charging for an idToken the CSMS answers with status Unknown' },
    { name: 'starts-tx-for-expired-token', description: 'starts / keeps charging for an Expired idToken' },
    { name: 'no-authorize', description: 'never sends Authorize: every presented idToken is taken as valid' },
    { name: 'cache-accepted-still-authorizes', description: 'sends Authorize for an idToken cached as Accepted although AuthCtrlr.LocalPreAuthorize is true' },
    { name: 'cache-ignores-local-pre-authorize', description: 'starts on an idToken cached as Accepted without asking the CSMS although AuthCtrlr.LocalPreAuthorize is false' },
    { name: 'cache-status-ignored', description: 'takes any idToken found in the Authorization Cache as Accepted, whatever its cached status' },
    { name: 'cache-no-post-authorize', description: 'refuses an idToken cached with a status other than Accepted without asking the CSMS (as if AuthCacheCtrlr.DisablePostAuthorize were true)' },
    { name: 'ignores-disable-post-authorize', description: 'still sends Authorize for an idToken cached as not Accepted while AuthCacheCtrlr.DisablePostAuthorize is true' },
    { name: 'group-id-ignored', description: 'only the idToken that started a transaction stops it, not another one of the same GroupId' },
    { name: 'group-stop-ignores-status', description: 'an idToken of the same GroupId stops the transaction even when the CSMS answered it is not Accepted' },
    { name: 'stops-on-any-accepted-token', description: 'any Accepted idToken stops the transaction, also one of another (or no) GroupId' },
    { name: 'master-pass-starts-tx', description: 'starts a transaction for an idToken of the MasterPassGroupId' },
    { name: 'master-pass-ignored', description: 'an idToken of the MasterPassGroupId does not stop the ongoing transactions' },
    { name: 'ignores-local-authorize-offline', description: 'offline, refuses an idToken the cache holds as Accepted although AuthCtrlr.LocalAuthorizeOffline is true' },
    { name: 'offline-unknown-id-refused', description: 'offline, refuses an unknown idToken although AuthCtrlr.OfflineTxForUnknownIdEnabled is true' },
    { name: 'ignores-stop-tx-on-invalid-id-false', description: 'ends the transaction of an idToken the CSMS later says is invalid although TxCtrlr.StopTxOnInvalidId is false' },
    { name: 'max-energy-on-invalid-ignored', description: 'stops the energy at once for an idToken the CSMS later says is invalid although TxCtrlr.MaxEnergyOnInvalidId allows more' },
    { name: 'master-pass-wrong-reason', description: 'stops the transactions for a master pass with stoppedReason Local instead of MasterPass' },
    { name: 'ignores-disable-remote-authorization', description: 'sends Authorize for an idToken neither the local list nor the cache holds although AuthCtrlr.DisableRemoteAuthorization is true' },
  ],
  quirks: [
    // Part 5 C-07 (TC_C_47_CS, TC_C_48_CS): a Master Pass at a station with a user interface.
    { name: 'master-pass-ui', description: 'hardware variant: a user interface, so after a master pass the user selects which transactions to stop', pics: { 'C-07': true, 'C-08': false } },
  ],
  create: (ctx) => new Authorization(ctx).instance(),
};

class Authorization implements AuthorizationApi {
  /** `master-pass-ui`: the master pass presented, waiting for the user's selection at the user interface. */
  private masterPass: IdToken | undefined;

  constructor(private readonly ctx: Context201) {}

  instance(): BlockInstance<EvseTarget, Services201> {
    return {
      provides: { authorization: this },
      actions: {
        presentIdToken: async (params, { evse }) => {
          const idToken = { idToken: typeof params['idToken'] === 'string' ? params['idToken'] : '04A1B2C3D4E5F6', type: typeof params['type'] === 'string' ? params['type'] : 'ISO14443' };
          return { done: true, detail: await this.presentToken(evse, idToken) };
        },
        selectMasterPassStop: async (params, { evse }) => {
          const idToken = this.masterPass;
          if (idToken === undefined) return { done: false, reason: 'no master pass was presented at the user interface' };
          this.masterPass = undefined;
          if (this.ctx.core.has('master-pass-ignored')) return { done: true, detail: 'selection ignored' };
          const targets = params['all'] === true ? this.ctx.evses.all : [evse];
          const running = targets.filter((e) => activeTx(e) && e.tx?.stopReason === undefined);
          for (const e of running) this.ctx.transactions.stopAuthorized(e, idToken, this.ctx.core.has('master-pass-wrong-reason') ? 'Local' : 'MasterPass');
          return running.length > 0 ? { done: true, detail: `stopping ${running.length} transaction(s)` } : { done: false, reason: 'no transaction runs on the selected EVSE(s)' };
        },
      },
    };
  }

  goesOnWith(status: AuthStatus): boolean {
    return this.ctx.core.has(goesOnFor[status] ?? '-');
  }

  /** A TransactionEventResponse's idTokenInfo (block E) into the cache (C10.FR.05). */
  remember(idToken: string, info: TokenInfo): void {
    this.ctx.authCache.remember(idToken, info, 'TransactionEvent');
  }

  async authorize(idToken: IdToken): Promise<TokenInfo> {
    const { core, deviceModel } = this.ctx;
    if (core.has('no-authorize') || !deviceModel.bool('AuthCtrlr', 'Enabled')) return { status: 'Accepted' };
    // The local list wins over the cache (C13.FR.02 / C14): look in the cache only for a token the list does not hold.
    // Block D defect local-list-unused-offline: the list is skipped while the station is offline.
    const localList = deviceModel.bool('LocalAuthListCtrlr', 'Enabled') && !(core.has('local-list-unused-offline') && !core.online);
    const listed = core.auth.lookup(idToken.idToken, core.clock.wallMs(), { localList, cache: false });
    const cached = listed ? undefined : this.ctx.authCache.lookup(idToken.idToken);
    const local = listed ?? cached;
    if (core.online && core.accepted) {
      const preAuthorize = deviceModel.bool('AuthCtrlr', 'LocalPreAuthorize');
      if (preAuthorize && local?.status === 'Accepted' && !(cached && core.has('cache-accepted-still-authorizes'))) return local;
      // Part 2 C14.FR.03 with LocalAuthListCtrlr.DisablePostAuthorize (block D): a listed idToken that is not Accepted is refused locally.
      if (preAuthorize && listed && listed.status !== 'Accepted' && listPostAuthorizeDisabled(this.ctx, idToken.idToken)) return listed;
      if (!preAuthorize && cached?.status === 'Accepted' && core.has('cache-ignores-local-pre-authorize')) return cached;
      if (preAuthorize && cached && cached.status !== 'Accepted') {
        if (core.has('cache-status-ignored')) return { ...cached, status: 'Accepted' };
        // C12.FR.05 asks the CSMS again; AuthCacheCtrlr.DisablePostAuthorize turns that off (C-59).
        const noPost = deviceModel.bool('AuthCacheCtrlr', 'DisablePostAuthorize') && !core.has('ignores-disable-post-authorize');
        if (noPost || core.has('cache-no-post-authorize')) return cached;
      }
      if (deviceModel.bool('AuthCtrlr', 'DisableRemoteAuthorization') && !core.has('ignores-disable-remote-authorization')) return local ?? { status: 'Unknown' };
      const out = await core.send('Authorize', { idToken: { ...idToken } });
      if (out?.status === 'result') {
        const info = out.payload['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string }; cacheExpiryDateTime?: string } | undefined;
        const expiresAtMs = info?.cacheExpiryDateTime === undefined ? Number.NaN : Date.parse(info.cacheExpiryDateTime);
        const result: TokenInfo = {
          status: info?.status ?? 'Invalid',
          ...(info?.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}),
          ...(Number.isFinite(expiresAtMs) ? { expiresAtMs } : {}),
        };
        this.ctx.authCache.remember(idToken.idToken, result, 'Authorize');
        return result;
      }
    }
    if (local && deviceModel.bool('AuthCtrlr', 'LocalAuthorizeOffline') && !core.has('ignores-local-authorize-offline')) return local;
    // C15.FR.02: offline, an idToken neither the list nor the cache knows may start a transaction.
    if (!local && deviceModel.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled') && !core.has('offline-unknown-id-refused')) return { status: 'Accepted' };
    // Offline without LocalAuthorizeOffline a known token is not taken on the local word (C12 / C13).
    return { status: local && local.status !== 'Accepted' ? local.status : 'Invalid' };
  }

  stopsOnInvalidId(): boolean {
    return this.ctx.deviceModel.bool('TxCtrlr', 'StopTxOnInvalidId') || this.ctx.core.has('ignores-stop-tx-on-invalid-id-false');
  }

  /**
   * Part 2 C12.FR.04 / TxCtrlr.MaxEnergyOnInvalidId: with StopTxOnInvalidId false, a transaction whose
   * token the CSMS found invalid may go on until that much energy (Wh, counted from the invalidation)
   * was delivered; then it is deauthorized and suspended (SuspendedEVSE).
   */
  keepsChargingOnInvalid(evse: Evse): boolean {
    const { core, deviceModel } = this.ctx;
    const maxWh = deviceModel.int('TxCtrlr', 'MaxEnergyOnInvalidId');
    if (this.stopsOnInvalidId() || maxWh <= 0 || core.has('max-energy-on-invalid-ignored')) return false;
    const tx = activeTx(evse);
    if (!tx) return false;
    const fromWh = evse.outlet.energyWh();
    const watch = async (): Promise<void> => {
      while (evse.tx === tx && !tx.ended && evse.authorized) {
        if (evse.outlet.energyWh() - fromWh >= maxWh) {
          this.ctx.evses.deauthorize(evse);
          evse.outlet.stopFlow();
          tx.chargingState = 'SuspendedEVSE';
          this.ctx.transactions.txEvent(evse, 'Updated', 'Deauthorized');
          return;
        }
        if (!(await core.sleep(1000))) return;
      }
    };
    void watch();
    return true;
  }

  /** C16: an Accepted idToken whose group is the configured MasterPassGroupId. */
  private isMasterPass(info: TokenInfo): boolean {
    const master = this.ctx.deviceModel.value('AuthCtrlr', 'MasterPassGroupId');
    return info.status === 'Accepted' && master !== '' && info.groupId === master;
  }

  /** C16.FR.02 (no user interface): a master pass stops every ongoing transaction, stoppedReason MasterPass. */
  private stopAllForMasterPass(idToken: IdToken): boolean {
    if (this.ctx.core.has('master-pass-ignored')) return false;
    const running = this.ctx.evses.all.filter((e) => activeTx(e) && e.tx?.stopReason === undefined);
    for (const e of running) this.ctx.transactions.stopAuthorized(e, idToken, this.ctx.core.has('master-pass-wrong-reason') ? 'Local' : 'MasterPass');
    return running.length > 0;
  }

  private async presentToken(evse: Evse, idToken: IdToken): Promise<string> {
    // A token presented with a transaction running: the same token (on any EVSE) stops it (C01.FR.03 / E07).
    const running = this.ctx.evses.all.find((e) => ongoing(e) && e.tx?.idToken?.idToken === idToken.idToken) ?? evse;
    const tx = ongoing(running) ? running.tx : undefined;
    if (tx?.idToken?.idToken === idToken.idToken) {
      this.ctx.transactions.stopAuthorized(running, idToken);
      return 'StopAuthorized';
    }
    const info = await this.authorize(idToken);
    if (this.isMasterPass(info)) {
      // With a user interface (C16.FR.01) the user selects what to stop next (selectMasterPassStop).
      if (this.ctx.core.has('master-pass-ui') && this.ctx.evses.all.some((e) => activeTx(e))) {
        this.masterPass = idToken;
        return 'MasterPass';
      }
      if (this.stopAllForMasterPass(idToken)) return 'StopAuthorized';
      // C12.FR.09 / C16.FR.03: a master pass is not for charging.
      if (!this.ctx.core.has('master-pass-starts-tx')) return 'MasterPass';
    }
    if (tx?.idToken) {
      // C09.FR.03 / C09.FR.11: another token stops the transaction only when Accepted and of the same GroupId.
      const sameGroup = info.groupId !== undefined && info.groupId === tx.groupId && !this.ctx.core.has('group-id-ignored');
      const accepted = info.status === 'Accepted' || this.ctx.core.has('group-stop-ignores-status');
      if ((accepted && sameGroup) || (info.status === 'Accepted' && this.ctx.core.has('stops-on-any-accepted-token'))) {
        this.ctx.transactions.stopAuthorized(running, idToken);
        return 'StopAuthorized';
      }
      return info.status;
    }
    if (info.status !== 'Accepted' && !this.goesOnWith(info.status)) return info.status;
    // Part 2 H03 (block H): a reserved EVSE takes only the reserved idToken or one of its group.
    if (this.ctx.reservations.refuses(evse, idToken, info.groupId)) return 'Reserved';
    this.ctx.reservations.used(evse, idToken, info.groupId);
    this.ctx.transactions.authorizeEvse(evse, { idToken, ...(info.groupId === undefined ? {} : { groupId: info.groupId }) }, 'Authorized');
    return 'Accepted';
  }
}

/** A transaction that runs and whose stop was not authorized yet. */
function ongoing(evse: Evse): boolean {
  const tx = activeTx(evse);
  return tx !== undefined && tx.stopReason === undefined && tx.idToken !== undefined;
}

/** Block D's LocalAuthListCtrlr.DisablePostAuthorize applies to this idToken (it is in the enabled list). */
function listPostAuthorizeDisabled(ctx: Context201, idToken: string): boolean {
  const { core, deviceModel } = ctx;
  const disabled = (deviceModel.bool('LocalAuthListCtrlr', 'DisablePostAuthorize') && !core.has('local-list-post-authorize')) || core.has('local-list-no-post-authorize');
  if (!deviceModel.bool('LocalAuthListCtrlr', 'Enabled') || !disabled) return false;
  return core.auth.localListEntry(idToken) !== undefined;
}
