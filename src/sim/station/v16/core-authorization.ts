/**
 * Core profile, authorization: a presented idTag is checked against the Local Authorization
 * List, the Authorization Cache and the Central System (Authorize, 1.6 §4.1), with the offline
 * rules of §3.5; presenting the running transaction's idTag (or one with the same parentIdTag,
 * §3.10) stops it; ClearCache (§5.4).
 */
import type { AuthStatus, TokenInfo } from '../auth.js';
import type { BlockInstance } from '../core/block.js';
import type { Connector } from './connector.js';
import type { Authorization16Api, Block16, Context16, Services16 } from './context.js';

/** The defect that lets the charge point go on with a token of that status. */
const goesOnFor: Partial<Record<string, string>> = { Blocked: 'starts-tx-for-blocked-token', Invalid: 'starts-tx-for-invalid-token', Expired: 'starts-tx-for-expired-token' };

export const coreAuthorization: Block16 = {
  name: 'core-authorization',
  defects: [
    { name: 'starts-tx-for-blocked-token', description: 'starts / keeps charging for a Blocked idToken' },
    { name: 'starts-tx-for-invalid-token', description: 'starts / keeps charging for an Invalid (unknown) idToken' },
    { name: 'starts-tx-for-expired-token', description: 'starts / keeps charging for an Expired idToken' },
    { name: 'no-authorize', description: 'never sends Authorize: every presented idToken is taken as valid' },
    { name: 'clear-cache-ignored', description: 'answers ClearCache Accepted but keeps the cached idTags' },
    { name: 'cache-not-used', description: 'asks the Central System (Authorize) for an idTag the cache holds Accepted, even with LocalPreAuthorize true' },
    { name: 'stops-on-any-idtag', description: 'stops the ongoing transaction for whatever idTag is presented' },
    { name: 'ignores-parent-id-tag', description: 'does not stop a transaction for an idTag with the same parentIdTag as the one that started it' },
    { name: 'stop-idtag-of-start', description: 'a transaction stopped by an idTag of the same parentIdTag is reported with the idTag that started it' },
    { name: 'offline-tx-refused', description: 'refuses every idTag while offline, whatever LocalAuthorizeOffline / AllowOfflineTxForUnknownId say' },
    { name: 'starts-while-faulted', description: 'authorizes a presented idTag and starts a transaction on a Faulted connector' },
  ],
  create: (ctx) => new Authorization16(ctx).instance(),
};

class Authorization16 implements Authorization16Api {
  constructor(private readonly ctx: Context16) {}

  instance(): BlockInstance<Connector, Services16> {
    return {
      provides: { authorization: this },
      handlers: {
        ClearCache: () => {
          if (!this.ctx.core.has('clear-cache-ignored')) this.ctx.core.auth.clearCache();
          return { status: 'Accepted' };
        },
      },
      actions: {
        presentIdToken: async (params, c) => {
          const idTag = typeof params['idToken'] === 'string' ? params['idToken'] : '04A1B2C3D4E5F6';
          return { done: true, detail: await this.presentTag(c, idTag) };
        },
      },
    };
  }

  goesOnWith(status: AuthStatus): boolean {
    return this.ctx.core.has(goesOnFor[status] ?? '-');
  }

  tagInfo(raw: unknown): TokenInfo {
    const info = (raw ?? {}) as { status?: AuthStatus; parentIdTag?: string; expiryDate?: string };
    return {
      status: info.status ?? 'Invalid',
      ...(info.parentIdTag ? { groupId: info.parentIdTag } : {}),
      ...(info.expiryDate ? { expiresAtMs: Date.parse(info.expiryDate) } : {}),
    };
  }

  remember(idTag: string, info: TokenInfo): void {
    if (this.ctx.config.bool('AuthorizationCacheEnabled')) this.ctx.core.auth.remember(idTag, info);
  }

  async authorize(idTag: string): Promise<TokenInfo> {
    const { core, config } = this.ctx;
    if (core.has('no-authorize')) return { status: 'Accepted' };
    const local = core.auth.lookup(idTag, core.clock.wallMs(), { localList: config.bool('LocalAuthListEnabled'), cache: config.bool('AuthorizationCacheEnabled') });
    if (core.online && core.accepted) {
      if (local?.status === 'Accepted' && config.bool('LocalPreAuthorize') && !core.has('cache-not-used')) return local;
      const out = await core.send('Authorize', { idTag });
      if (out?.status === 'result') {
        const info = this.tagInfo(out.payload['idTagInfo']);
        this.remember(idTag, info);
        return info;
      }
    }
    if (core.has('offline-tx-refused')) return { status: 'Invalid' };
    if (local && config.bool('LocalAuthorizeOffline')) return local;
    if (!local && config.bool('AllowOfflineTxForUnknownId')) return { status: 'Accepted' };
    return { status: local?.status ?? 'Invalid' };
  }

  private async presentTag(c: Connector, idTag: string): Promise<string> {
    const { core, connectors, transactions } = this.ctx;
    const running = connectors.all.find((x) => x.tx && !x.tx.stopped && x.tx.idTag === idTag);
    if (running) {
      transactions.stopTx(running, 'Local');
      await connectors.report(running, false);
      return 'Stopped';
    }
    // A Faulted connector cannot be used (OCTT 1.6 TC_041_CS): no authorization, no transaction.
    if (c.outlet.faulted && !this.ctx.core.has('starts-while-faulted')) return 'Faulted';
    const withTx = connectors.all.find((x) => x.tx && !x.tx.stopped);
    if (withTx && core.has('stops-on-any-idtag')) {
      transactions.stopTx(withTx, 'Local', idTag);
      await connectors.report(withTx, false);
      return 'Stopped';
    }
    const info = await this.authorize(idTag);
    // 1.6 §3.5.3: a token with the same parentIdTag may stop the transaction (the StopTransaction names that token).
    if (withTx && info.status === 'Accepted' && info.groupId !== undefined && info.groupId === withTx.tx?.parentIdTag && !core.has('ignores-parent-id-tag')) {
      transactions.stopTx(withTx, 'Local', core.has('stop-idtag-of-start') ? undefined : idTag);
      await connectors.report(withTx, false);
      return 'Stopped';
    }
    // A connector with its transaction running does not take another authorization.
    if (c.tx && !c.tx.stopped) return 'Busy';
    if (info.status !== 'Accepted' && !this.goesOnWith(info.status)) return info.status;
    const reservationId = connectors.claim(c, idTag, info.groupId);
    if (reservationId === 'refused') return 'Reserved';
    c.authorized = { idTag, ...(info.groupId === undefined ? {} : { parentIdTag: info.groupId }), ...(reservationId === undefined ? {} : { reservationId }) };
    if (c.outlet.cableConnected) transactions.startTx(c);
    else transactions.startConnectionTimer(c);
    await connectors.report(c, false);
    transactions.updateFlow(c);
    return 'Accepted';
  }
}
