/**
 * Block C, authorization: Authorize with the token book's decision (group id included, C09; the
 * Master Pass group for a Master Pass card, C16); the ClearCache trigger (C11).
 */
import { obj, str, type CsmsBlock } from '../block.js';
import { defaultMasterPassGroupId, idTokenInfo, tokenDefectDecls, tokenDefects, type TokenDecision } from '../tokens.js';
import { contractCertificateStatus, contractValidationDefects } from './contract-validation.js';

export const authorization: CsmsBlock = {
  name: 'authorization',
  defects: [
    ...tokenDefectDecls,
    ...contractValidationDefects,
    { name: 'master-pass-as-plain-token', description: 'answers Authorize for a Master Pass card like an ordinary one: Accepted, but without its groupIdToken (the MasterPassGroupId)' },
    { name: 'clear-cache-as-local-list', description: 'asked to clear the authorization cache, sends SendLocalList Full with an empty list instead of ClearCache (mixes up the cache and the local list)' },
  ],
  responders: (host) => ({
    Authorize: (_s, p) => {
      const decision = host.tokens.decide(host.version, str(obj(p.idToken)?.idToken) ?? '', tokenDefects(host));
      const answer = { idTokenInfo: idTokenInfo(host.has('master-pass-as-plain-token') ? withoutMasterGroup(decision) : decision) };
      // C07: contract data in the request → the OCSP check first (contract-validation.ts); a contract not Accepted does not authorize.
      if (p['iso15118CertificateHashData'] === undefined && p['certificate'] === undefined) return answer;
      return contractCertificateStatus(p, (d) => host.has(d)).then((certificateStatus) =>
        certificateStatus === undefined ? answer : { ...answer, certificateStatus, ...(certificateStatus === 'Accepted' ? {} : { idTokenInfo: { status: 'Invalid' } }) },
      );
    },
  }),
  triggers: {
    triggerClearCache: (ctx) => (ctx.has('clear-cache-as-local-list') ? { action: 'SendLocalList', payload: { versionNumber: ctx.next('localListVersion'), updateType: 'Full' } } : { action: 'ClearCache', payload: {} }),
  },
};

function withoutMasterGroup(decision: TokenDecision): TokenDecision {
  if (decision.groupId !== defaultMasterPassGroupId) return decision;
  return { status: decision.status, known: decision.known };
}
