/** Local Auth List Management profile (1.6 §5.10, §5.15): the SendLocalList (from the token book) and GetLocalListVersion triggers. */
import type { CsmsBlock } from '../block.js';
import { idTagInfo, tokenDefects } from '../tokens.js';

export const localList16: CsmsBlock = {
  name: 'local-list',
  defects: [],
  triggers: {
    triggerSendLocalList: (ctx, p) => {
      const given = p.list('localAuthorizationList');
      const list = given ?? ctx.tokens.list().map((t) => ({ idTag: t.idToken, idTagInfo: idTagInfo(ctx.tokens.decide('1.6', t.idToken, tokenDefects(ctx))) }));
      return {
        action: 'SendLocalList',
        payload: {
          listVersion: p.int('listVersion') ?? p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType: p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full',
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    },
    triggerGetLocalListVersion: () => ({ action: 'GetLocalListVersion', payload: {} }),
  },
};
