/** Block D, local authorization list: the SendLocalList (from the token book) and GetLocalListVersion triggers. */
import type { CsmsBlock } from '../block.js';
import { idTokenInfo, tokenDefects } from '../tokens.js';

export const localList: CsmsBlock = {
  name: 'local-list',
  defects: [],
  triggers: {
    triggerSendLocalList: (ctx, p) => {
      const given = p.list('localAuthorizationList');
      const list =
        given ??
        ctx.tokens.list().map((t) => ({
          idToken: { idToken: t.idToken, type: t.type ?? 'ISO14443' },
          idTokenInfo: idTokenInfo(ctx.tokens.decide('2.0.1', t.idToken, tokenDefects(ctx))),
        }));
      return {
        action: 'SendLocalList',
        payload: {
          versionNumber: p.int('versionNumber') ?? ctx.next('localListVersion'),
          updateType: p.oneOf('updateType', ['Full', 'Differential'] as const) ?? 'Full',
          ...(list.length === 0 ? {} : { localAuthorizationList: list }),
        },
      };
    },
    triggerGetLocalListVersion: () => ({ action: 'GetLocalListVersion', payload: {} }),
  },
};
