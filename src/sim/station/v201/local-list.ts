/** Block D, local authorization list management: SendLocalList (D01) and GetLocalListVersion (D02). */
import type { AuthStatus } from '../auth.js';
import type { Block201 } from './context.js';
import type { IdToken } from './evse.js';
import { v } from '../device-model-data.js';

export const localList: Block201 = {
  name: 'local-list',
  variables: [
    v({ component: 'LocalAuthListCtrlr', variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'LocalAuthListCtrlr', variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: 'LocalAuthListCtrlr', variable: 'Entries', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
    v({ component: 'LocalAuthListCtrlr', variable: 'ItemsPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100' }),
    v({ component: 'LocalAuthListCtrlr', variable: 'BytesPerMessage', dataType: 'integer', mutability: 'ReadOnly', value: '100000' }),
    v({ component: 'LocalAuthListCtrlr', variable: 'Storage', dataType: 'integer', mutability: 'ReadOnly', value: '100000', unit: 'B' }),
  ],
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
