/**
 * What the station knows about idTokens without asking the CSMS: the Authorization Cache
 * (2.0.1 C10 / 1.6 §3.5.1, filled from Authorize / TransactionEvent / StartTransaction answers)
 * and the Local Authorization List (2.0.1 D01 / 1.6 §3.5.2, written by SendLocalList). Shared by
 * both versions; the version modules translate idTokenInfo / idTagInfo into `TokenInfo`.
 */

/** 2.0.1 AuthorizationStatusEnumType; 1.6 uses the subset Accepted/Blocked/Expired/Invalid/ConcurrentTx. */
export type AuthStatus = 'Accepted' | 'Blocked' | 'ConcurrentTx' | 'Expired' | 'Invalid' | 'NoCredit' | 'NotAllowedTypeEVSE' | 'NotAtThisLocation' | 'NotAtThisTime' | 'Unknown';

export interface TokenInfo {
  status: AuthStatus;
  groupId?: string;
  /** Wall-clock expiry (ms since epoch). */
  expiresAtMs?: number;
}

export interface TokenEntry extends TokenInfo {
  idToken: string;
  type?: string;
}

export type LocalListUpdateStatus = 'Accepted' | 'Failed' | 'VersionMismatch';

export class AuthStore {
  // Made on first use (issue #14): most stations of a fleet never cache or list a token.
  private cache: Map<string, TokenInfo> | undefined;
  private localList: Map<string, TokenInfo> | undefined;
  private listVersion = 0;

  constructor(initial: { localList?: readonly TokenEntry[]; localListVersion?: number; cache?: readonly TokenEntry[] } = {}) {
    for (const e of initial.localList ?? []) (this.localList ??= new Map()).set(e.idToken, strip(e));
    for (const e of initial.cache ?? []) (this.cache ??= new Map()).set(e.idToken, strip(e));
    this.listVersion = initial.localListVersion ?? (initial.localList?.length ? 1 : 0);
  }

  /** Local list first (it wins over the cache: 2.0.1 C13.FR.02), then the cache. Expired entries count as Expired. */
  lookup(idToken: string, nowMs: number, use: { localList: boolean; cache: boolean }): TokenInfo | undefined {
    const entry = (use.localList ? this.localList?.get(idToken) : undefined) ?? (use.cache ? this.cache?.get(idToken) : undefined);
    if (!entry) return undefined;
    if (entry.expiresAtMs !== undefined && entry.expiresAtMs < nowMs && entry.status === 'Accepted') return { ...entry, status: 'Expired' };
    return entry;
  }

  remember(idToken: string, info: TokenInfo): void {
    (this.cache ??= new Map()).set(idToken, strip(info));
  }

  clearCache(): void {
    this.cache?.clear();
  }

  get localListVersion(): number {
    return this.listVersion;
  }

  /** SendLocalList: Full replaces the list, Differential updates it (an entry without info is removed). */
  updateLocalList(versionNumber: number, updateType: 'Full' | 'Differential', entries: ReadonlyArray<{ idToken: string; info?: TokenInfo }>, options: { checkVersion?: boolean } = {}): LocalListUpdateStatus {
    if ((options.checkVersion ?? true) && updateType === 'Differential' && versionNumber <= this.listVersion && this.listVersion !== 0) return 'VersionMismatch';
    if (updateType === 'Full') this.localList?.clear();
    for (const e of entries) {
      if (e.info) (this.localList ??= new Map()).set(e.idToken, strip(e.info));
      else this.localList?.delete(e.idToken);
    }
    this.listVersion = versionNumber;
    return 'Accepted';
  }

  /** The Local Authorization List entry of an idToken (no cache, no expiry rule): block D's own view. */
  localListEntry(idToken: string): TokenInfo | undefined {
    return this.localList?.get(idToken);
  }

  /** How many idTokens the Local Authorization List holds (2.0.1 LocalAuthListCtrlr.Entries). */
  get localListSize(): number {
    return this.localList?.size ?? 0;
  }

  /** Forget the list and its version, as a station without non-volatile memory does at power loss. */
  forgetLocalList(): void {
    this.localList?.clear();
    this.listVersion = 0;
  }

  snapshot(): { cache: Record<string, TokenInfo>; localList: Record<string, TokenInfo>; localListVersion: number } {
    return { cache: Object.fromEntries(this.cache ?? []), localList: Object.fromEntries(this.localList ?? []), localListVersion: this.listVersion };
  }
}

function strip(info: TokenInfo): TokenInfo {
  return { status: info.status, ...(info.groupId === undefined ? {} : { groupId: info.groupId }), ...(info.expiresAtMs === undefined ? {} : { expiresAtMs: info.expiresAtMs }) };
}
