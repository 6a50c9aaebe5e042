/**
 * Local Auth List Management profile (1.6 §5.10, §5.15): the SendLocalList (from the token book)
 * and GetLocalListVersion triggers. Every entry carries an idTagInfo (the book's decision for the
 * idTag), so a Differential list only adds or updates; a removal is asked for explicitly by
 * passing `localAuthorizationList` entries without idTagInfo.
 */
import type { CsmsBlock } from '../block.js';
import { idTagInfo, tokenDefects } from '../tokens.js';

export const localList16: CsmsBlock = {
  name: 'local-list',
  defects: [
    { name: 'local-list-wrong-update-type', description: 'SendLocalList carries the other updateType than the one asked for (Full ↔ Differential)' },
    { name: 'local-list-entries-without-idtaginfo', description: 'SendLocalList entries carry only the idTag, no idTagInfo' },
    { name: 'get-local-list-version-with-payload', description: 'GetLocalListVersion.req carries a field (connectorId) its empty schema does not allow' },
  ],
  triggers: {
    triggerSendLocalList: (ctx, p) => {
      const given = p.list('localAuthorizationList');
      const bare = ctx.has('local-list-entries-without-idtaginfo');
      const list = given ?? ctx.tokens.list().map((t) => (bare ? { idTag: t.idToken } : { idTag: t.idToken, idTagInfo: idTagInfo(ctx.tokens.decide('1.6', t.idToken, tokenDefects(ctx))) }));
      const asked = p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full';
      const updateType = ctx.has('local-list-wrong-update-type') ? (asked === 'Full' ? 'Differential' : 'Full') : asked;
      return {
        action: 'SendLocalList',
        payload: {
          listVersion: p.int('listVersion') ?? p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType,
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    },
    triggerGetLocalListVersion: (ctx) => ({ action: 'GetLocalListVersion', payload: ctx.has('get-local-list-version-with-payload') ? { connectorId: 0 } : {} }),
  },
};
