/**
 * Block C, the Authorization Cache of the 2.0.1 station (Part 2 C10 store, C11 clear, C12 use):
 * every idTokenInfo the CSMS returns in an AuthorizeResponse or a TransactionEventResponse is
 * kept (C10.FR.04 / C10.FR.05), survives a reboot (C10.FR.02, kept in "non-volatile" memory:
 * the block outlives the power cycles of the station core), expires AuthCacheCtrlr.LifeTime
 * seconds after its last use (C10.FR.08, the appendix says "since it is last used"), and, once
 * the storage limit is reached, makes room by dropping the least recently used entry (Policy LRU).
 * ClearCache empties it, or is Rejected while the cache is disabled (C11.FR.02 / C11.FR.04).
 * The AuthCacheCtrlr variables live here; block C's authorization reaches the cache through the
 * context's `authCache` service.
 */
import type { TokenInfo } from '../auth.js';
import type { AuthCacheApi, Block201, Context201 } from './context.js';
import { v } from '../device-model-data.js';

/** How many idTokens the cache holds before it evicts (AuthCacheCtrlr.Storage maxLimit / bytes per entry). */
export const authCacheMaxEntries = 1000;
/** What one entry costs in AuthCacheCtrlr.Storage terms (bytes): the idToken, its status, group and times. */
const bytesPerEntry = 100;

interface CacheEntry extends TokenInfo {
  /** Monotonic time of the last store or use (AuthCacheCtrlr.LifeTime counts from here). */
  lastUsedMonoMs: number;
}

export const authCache: Block201 = {
  name: 'auth-cache',
  variables: [
    v({ component: 'AuthCacheCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'AuthCacheCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: 'AuthCacheCtrlr', variable: 'LifeTime', dataType: 'integer', mutability: 'ReadWrite', value: '86400', unit: 's', min: 0 }),
    v({ component: 'AuthCacheCtrlr', variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: String(authCacheMaxEntries * bytesPerEntry), unit: 'B' }),
    v({ component: 'AuthCacheCtrlr', variable: 'Policy', dataType: 'OptionList', mutability: 'ReadWrite', value: 'LRU', valuesList: ['LRU'] }),
    v({ component: 'AuthCacheCtrlr', variable: 'DisablePostAuthorize', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
  ],
  defects: [
    { name: 'cache-never-stores', description: 'stores nothing in the Authorization Cache although AuthCacheCtrlr.Enabled is true' },
    { name: 'cache-lost-on-reboot', description: 'keeps the Authorization Cache in volatile memory: a reboot or power cycle empties it' },
    { name: 'cache-not-updated-on-authorize', description: 'does not store the idTokenInfo of an AuthorizeResponse in the Authorization Cache' },
    { name: 'cache-not-updated-on-transaction-event', description: 'does not store the idTokenInfo of a TransactionEventResponse in the Authorization Cache' },
    { name: 'cache-ignores-lifetime', description: 'keeps cache entries forever (AuthCacheCtrlr.LifeTime ignored)' },
    { name: 'cache-drops-group-id', description: 'stores cache entries without their groupIdToken' },
    { name: 'clear-cache-keeps-entries', description: 'answers ClearCache Accepted but keeps the cached idTokens' },
    { name: 'clear-cache-accepted-when-disabled', description: 'answers ClearCache Accepted while AuthCacheCtrlr.Enabled is false' },
  ],
  create: (ctx) => {
    const cache = new AuthCache(ctx);
    return {
      provides: { authCache: cache },
      handlers: {
        ClearCache: () => {
          if (!ctx.deviceModel.bool('AuthCacheCtrlr', 'Enabled') && !ctx.core.has('clear-cache-accepted-when-disabled')) return { status: 'Rejected' };
          if (!ctx.core.has('clear-cache-keeps-entries')) cache.clear();
          return { status: 'Accepted' };
        },
      },
    };
  },
};

export class AuthCache implements AuthCacheApi {
  /** In least-recently-used order: a use moves the entry to the end. */
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly ctx: Context201) {
    // Entries the station was configured with (StationOptions.idTokens.cache) start the cache.
    for (const [idToken, info] of Object.entries(ctx.core.auth.snapshot().cache)) this.store(idToken, info);
    ctx.core.bus.on('powerDown', () => {
      if (ctx.core.has('cache-lost-on-reboot')) this.entries.clear();
    });
  }

  get enabled(): boolean {
    return this.ctx.deviceModel.bool('AuthCacheCtrlr', 'Enabled');
  }

  lookup(idToken: string): TokenInfo | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(idToken);
    if (!entry) return undefined;
    const now = this.ctx.core.clock.monoMs();
    const lifeTimeS = this.ctx.deviceModel.int('AuthCacheCtrlr', 'LifeTime');
    if (lifeTimeS > 0 && now - entry.lastUsedMonoMs >= lifeTimeS * 1000 && !this.ctx.core.has('cache-ignores-lifetime')) {
      this.entries.delete(idToken);
      return undefined;
    }
    this.touch(idToken, entry, now);
    const info = strip(entry);
    // C10.FR.06 / cacheExpiryDateTime: an Accepted entry past its expiry counts as Expired.
    if (info.expiresAtMs !== undefined && info.expiresAtMs < this.ctx.core.clock.wallMs() && info.status === 'Accepted') return { ...info, status: 'Expired' };
    return info;
  }

  remember(idToken: string, info: TokenInfo, source: 'Authorize' | 'TransactionEvent'): void {
    if (!this.enabled || this.ctx.core.has('cache-never-stores')) return;
    if (source === 'Authorize' && this.ctx.core.has('cache-not-updated-on-authorize')) return;
    if (source === 'TransactionEvent' && this.ctx.core.has('cache-not-updated-on-transaction-event')) return;
    this.store(idToken, this.ctx.core.has('cache-drops-group-id') ? { status: info.status, ...(info.expiresAtMs === undefined ? {} : { expiresAtMs: info.expiresAtMs }) } : info);
  }

  clear(): void {
    this.entries.clear();
  }

  peek(idToken: string): TokenInfo | undefined {
    const entry = this.entries.get(idToken);
    return entry ? strip(entry) : undefined;
  }

  forget(idToken: string): boolean {
    return this.entries.delete(idToken);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(idToken: string, info: TokenInfo): void {
    this.entries.delete(idToken);
    this.entries.set(idToken, { ...strip(info), lastUsedMonoMs: this.ctx.core.clock.monoMs() });
    // Policy LRU: the first key of the map is the least recently used one.
    while (this.entries.size > authCacheMaxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private touch(idToken: string, entry: CacheEntry, now: number): void {
    this.entries.delete(idToken);
    this.entries.set(idToken, { ...entry, lastUsedMonoMs: now });
  }
}

function strip(info: TokenInfo): TokenInfo {
  return { status: info.status, ...(info.groupId === undefined ? {} : { groupId: info.groupId }), ...(info.expiresAtMs === undefined ? {} : { expiresAtMs: info.expiresAtMs }) };
}
