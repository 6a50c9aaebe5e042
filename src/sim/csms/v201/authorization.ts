/** Block C, authorization: Authorize with the token book's decision; the ClearCache trigger. */
import { obj, str, type CsmsBlock } from '../block.js';
import { idTokenInfo, tokenDefectDecls, tokenDefects } from '../tokens.js';

export const authorization: CsmsBlock = {
  name: 'authorization',
  defects: tokenDefectDecls,
  responders: (host) => ({
    Authorize: (_s, p) => ({ idTokenInfo: idTokenInfo(host.tokens.decide(host.version, str(obj(p.idToken)?.idToken) ?? '', tokenDefects(host))) }),
  }),
  triggers: {
    triggerClearCache: () => ({ action: 'ClearCache', payload: {} }),
  },
};
