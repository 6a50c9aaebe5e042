/**
 * The 2.0.1 station's Authorization Cache (src/sim/station/v201/auth-cache.ts) on its own: what it
 * keeps and for how long (AuthCacheCtrlr.LifeTime since the last use), the LRU storage limit, the
 * Enabled switch and the defects that break storing.
 */
import { expect } from 'chai';
import { AuthCache, authCacheMaxEntries } from '../../../src/sim/station/v201/auth-cache.js';
import type { Context201 } from '../../../src/sim/station/v201/context.js';

function cacheWith(values: Record<string, string>, defects: string[] = []): { cache: AuthCache; advance: (ms: number) => void } {
  let mono = 1_000;
  const vars: Record<string, string> = { 'AuthCacheCtrlr.Enabled': 'true', 'AuthCacheCtrlr.LifeTime': '0', ...values };
  const ctx = {
    core: {
      has: (d: string) => defects.includes(d),
      clock: { monoMs: () => mono, wallMs: () => 1_700_000_000_000 + mono },
      auth: { snapshot: () => ({ cache: {}, localList: {}, localListVersion: 0 }) },
      bus: { on: () => undefined },
    },
    deviceModel: {
      bool: (c: string, v: string) => vars[`${c}.${v}`] === 'true',
      int: (c: string, v: string) => Number(vars[`${c}.${v}`] ?? '0'),
    },
  } as unknown as Context201;
  return { cache: new AuthCache(ctx), advance: (ms) => (mono += ms) };
}

describe('station 2.0.1 authorization cache', () => {
  it('keeps the idTokenInfo of Authorize and TransactionEvent answers, with its group', () => {
    const { cache } = cacheWith({});
    cache.remember('A', { status: 'Accepted', groupId: 'G' }, 'Authorize');
    cache.remember('B', { status: 'Invalid' }, 'TransactionEvent');
    expect(cache.lookup('A')).to.deep.equal({ status: 'Accepted', groupId: 'G' });
    expect(cache.lookup('B')).to.deep.equal({ status: 'Invalid' });
    expect(cache.lookup('C')).to.equal(undefined);
  });

  it('forgets an entry LifeTime seconds after its last use, and a use renews it', () => {
    const { cache, advance } = cacheWith({ 'AuthCacheCtrlr.LifeTime': '10' });
    cache.remember('A', { status: 'Accepted' }, 'Authorize');
    advance(9_000);
    expect(cache.lookup('A')?.status).to.equal('Accepted');
    advance(9_000);
    expect(cache.lookup('A')?.status, 'used 9 s ago').to.equal('Accepted');
    advance(10_000);
    expect(cache.lookup('A'), 'unused for 10 s').to.equal(undefined);
  });

  it('drops the least recently used entry beyond its storage limit', () => {
    const { cache, advance } = cacheWith({});
    for (let i = 0; i < authCacheMaxEntries; i++) cache.remember(`T${i}`, { status: 'Accepted' }, 'Authorize');
    advance(1);
    expect(cache.lookup('T0')?.status, 'T0 used now').to.equal('Accepted');
    cache.remember('NEW', { status: 'Accepted' }, 'Authorize');
    expect(cache.size).to.equal(authCacheMaxEntries);
    expect(cache.lookup('T1'), 'T1, the least recently used').to.equal(undefined);
    expect(cache.lookup('T0')?.status).to.equal('Accepted');
    expect(cache.lookup('NEW')?.status).to.equal('Accepted');
  });

  it('neither stores nor answers while AuthCacheCtrlr.Enabled is false', () => {
    const { cache } = cacheWith({ 'AuthCacheCtrlr.Enabled': 'false' });
    cache.remember('A', { status: 'Accepted' }, 'Authorize');
    expect(cache.size).to.equal(0);
    expect(cache.lookup('A')).to.equal(undefined);
  });

  it('the storing defects skip their source only', () => {
    const { cache } = cacheWith({}, ['cache-not-updated-on-authorize', 'cache-drops-group-id']);
    cache.remember('A', { status: 'Accepted', groupId: 'G' }, 'Authorize');
    cache.remember('B', { status: 'Accepted', groupId: 'G' }, 'TransactionEvent');
    expect(cache.lookup('A')).to.equal(undefined);
    expect(cache.lookup('B')).to.deep.equal({ status: 'Accepted' });
  });
});
