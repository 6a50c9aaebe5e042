/**
 * Block D, local authorization list: the SendLocalList (from the token book) and GetLocalListVersion
 * triggers. Full sends every known idToken (or none when asked for an empty list); Differential
 * adds or updates them, or removes the idTokens named in `remove` (entries without idTokenInfo,
 * Part 2 D01.FR.17); every update gets a new, higher versionNumber (D01.FR.18).
 */
import type { CsmsBlock } from '../block.js';
import { idTokenInfo, tokenDefects } from '../tokens.js';

export const localList: CsmsBlock = {
  name: 'local-list',
  defects: [
    { name: 'local-list-full-without-tokens', description: 'sends a Full SendLocalList without any AuthorizationData when asked to install its idTokens' },
    { name: 'local-list-differential-stale-version', description: 'sends a Differential SendLocalList with the versionNumber of the previous update instead of a higher one' },
    { name: 'local-list-remove-keeps-info', description: 'a Differential removal still carries idTokenInfo, so the station updates the idToken instead of removing it' },
    { name: 'local-list-clear-sends-tokens', description: 'asked to clear the list with an empty Full SendLocalList, sends its idTokens anyway' },
  ],
  triggers: {
    triggerSendLocalList: (ctx, p) => {
      const updateType = p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full';
      const remove = (p.list('remove') ?? []).filter((x): x is string => typeof x === 'string');
      const book = ctx.tokens.list().map((t) => ({
        idToken: { idToken: t.idToken, type: t.type ?? 'ISO14443' },
        idTokenInfo: idTokenInfo(ctx.tokens.decide('2.0.1', t.idToken, tokenDefects(ctx))),
      }));
      const typeOf = (id: string): string => ctx.tokens.list().find((t) => t.idToken === id)?.type ?? 'ISO14443';
      const given = p.list('localAuthorizationList');
      let list: unknown[];
      if (remove.length > 0) {
        list = remove.map((id) => ({
          idToken: { idToken: id, type: typeOf(id) },
          ...(ctx.has('local-list-remove-keeps-info') ? { idTokenInfo: { status: 'Accepted' } } : {}),
        }));
      } else if (given !== undefined && given.length === 0) {
        list = ctx.has('local-list-clear-sends-tokens') ? book : [];
      } else {
        list = given ?? (updateType === 'Full' && ctx.has('local-list-full-without-tokens') ? [] : book);
      }
      const next = ctx.next('localListVersion');
      const versionNumber = p.int('versionNumber') ?? (updateType === 'Differential' && ctx.has('local-list-differential-stale-version') ? next - 1 : next);
      return {
        action: 'SendLocalList',
        payload: { versionNumber, updateType, ...(list.length === 0 ? {} : { localAuthorizationList: list }) },
      };
    },
    triggerGetLocalListVersion: () => ({ action: 'GetLocalListVersion', payload: {} }),
  },
};
