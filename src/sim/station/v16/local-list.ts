/** Local Auth List Management profile (1.6 §5.10 GetLocalListVersion, §5.15 SendLocalList). */
import type { Block16 } from './context.js';
import { k } from '../config-keys.js';

export const localList16: Block16 = {
  name: 'local-list',
  configKeys: () => [
    k('LocalAuthListEnabled', 'bool', false, 'true'),
    k('LocalAuthListMaxLength', 'int', true, '100'),
    k('SendLocalListMaxLength', 'int', true, '100'),
  ],
  defects: [],
  create: (ctx) => ({
    handlers: {
      GetLocalListVersion: () => ({ listVersion: ctx.config.bool('LocalAuthListEnabled') ? ctx.core.auth.localListVersion : -1 }),
      SendLocalList: (call) => {
        if (!ctx.config.bool('LocalAuthListEnabled')) return { status: 'NotSupported' };
        const list = (call.payload['localAuthorizationList'] as Array<{ idTag: string; idTagInfo?: unknown }> | undefined) ?? [];
        const status = ctx.core.auth.updateLocalList(
          Number(call.payload['listVersion']),
          call.payload['updateType'] === 'Differential' ? 'Differential' : 'Full',
          list.map((e) => ({ idToken: e.idTag, ...(e.idTagInfo ? { info: ctx.authorization.tagInfo(e.idTagInfo) } : {}) })),
        );
        return { status };
      },
    },
  }),
};
