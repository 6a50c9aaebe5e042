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
          this.ctx.core.auth.clearCache();
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
      if (local?.status === 'Accepted' && config.bool('LocalPreAuthorize')) return local;
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
    const { connectors, transactions } = this.ctx;
    const running = connectors.all.find((x) => x.tx && !x.tx.stopped && x.tx.idTag === idTag);
    if (running) {
      transactions.stopTx(running, 'Local');
      await connectors.report(running, false);
      return 'Stopped';
    }
    // A Faulted connector cannot be used (OCTT 1.6 TC_041_CS): no authorization, no transaction.
    if (c.outlet.faulted && !this.ctx.core.has('starts-while-faulted')) return 'Faulted';
    const info = await this.authorize(idTag);
    const withTx = connectors.all.find((x) => x.tx && !x.tx.stopped);
    // 1.6 §3.5.3: a token with the same parentIdTag may stop the transaction.
    if (withTx && info.status === 'Accepted' && info.groupId !== undefined && info.groupId === withTx.tx?.parentIdTag) {
      transactions.stopTx(withTx, 'Local');
      await connectors.report(withTx, false);
      return 'Stopped';
    }
    if (info.status !== 'Accepted' && !this.goesOnWith(info.status)) return info.status;
    c.authorized = { idTag, ...(info.groupId === undefined ? {} : { parentIdTag: info.groupId }) };
    if (c.outlet.cableConnected) transactions.startTx(c);
    else transactions.startConnectionTimer(c);
    await connectors.report(c, false);
    transactions.updateFlow(c);
    return 'Accepted';
  }
}
