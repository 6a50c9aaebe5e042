/**
 * OCPP 2.0.1 Part 6 §2.19 memory state of block D (local authorization list management), SUT =
 * charging station; and the §2.18 state StartOfflineTransaction (../_shared/offline.ts) that the
 * offline local-list cases start from and the memory state CertificateInstalled (../_shared/certificates.ts)
 * of the contract-certificate cases, registered here until a cross-block module takes them.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { num, str, targetOf } from '../_shared/journal.js';
import { startOfflineTransaction } from '../_shared/offline.js';
import { certificateInstalled } from '../_shared/certificates.js';

/**
 * Memory state IdTokenLocalAuthList: the idToken (default the configured valid one) in a Full local
 * list. Params: versionNumber (default 1), status (idTokenInfo.status, default Accepted), groupId,
 * and `also`: more AuthorizationData entries for the same list.
 */
async function idTokenLocalAuthList(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const versionNumber = num(params['versionNumber']) ?? 1;
  const status = str(params['status']) ?? 'Accepted';
  const group = str(params['groupId']);
  const also = Array.isArray(params['also']) ? (params['also'] as JsonObject[]) : [];
  const entry = { idToken: { ...t.idToken }, idTokenInfo: { status, ...(group === undefined ? {} : { groupIdToken: { idToken: group, type: 'Central' } }) } };
  await ctx.callExpect('SendLocalList', { versionNumber, updateType: 'Full', localAuthorizationList: [entry, ...also] }, { match: { status: 'Accepted' } });
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { IdTokenLocalAuthList: idTokenLocalAuthList, StartOfflineTransaction: startOfflineTransaction, CertificateInstalled: certificateInstalled } });
