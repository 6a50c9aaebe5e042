/** Block D, local authorization list management: SendLocalList (D01/D02) and GetLocalListVersion (D03). */
import type { AuthStatus } from '../auth.js';
import type { Block201 } from './context.js';
import type { IdToken } from './evse.js';

export const localList: Block201 = {
  name: 'local-list',
  defects: [],
  create: (ctx) => ({
    handlers: {
      SendLocalList: (call) => {
        if (!ctx.deviceModel.bool('LocalAuthListCtrlr', 'Enabled')) return { status: 'Failed' };
        const list = (call.payload['localAuthorizationList'] as Array<{ idToken: IdToken; idTokenInfo?: { status: AuthStatus; groupIdToken?: { idToken: string } } }> | undefined) ?? [];
        const status = ctx.core.auth.updateLocalList(
          Number(call.payload['versionNumber']),
          call.payload['updateType'] === 'Differential' ? 'Differential' : 'Full',
          list.map((e) => ({
            idToken: e.idToken.idToken,
            ...(e.idTokenInfo ? { info: { status: e.idTokenInfo.status, ...(e.idTokenInfo.groupIdToken ? { groupId: e.idTokenInfo.groupIdToken.idToken } : {}) } } : {}),
          })),
        );
        return { status };
      },
      GetLocalListVersion: () => ({ versionNumber: ctx.core.auth.localListVersion }),
    },
  }),
};
