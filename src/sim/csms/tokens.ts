/**
 * The CSMS simulator's authorization data: which idTokens it knows, with their status and group.
 * The defaults are the harness's default configured values (src/engine/configured-values.ts:
 * 7-byte ISO14443 UIDs such as 04A1B2C3D4E5F6, issue #11: a CSMS that checks the format rejected
 * the old names), so `harness-as-station ↔ CSMS sim` works out of the box;
 * test/sim/csms/tokens.test.ts keeps the two in step.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';

/** 2.0.1 AuthorizationStatusEnumType; 1.6 AuthorizationStatus has Accepted, Blocked, Expired, Invalid, ConcurrentTx. */
export type TokenStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'Unknown' | 'ConcurrentTx' | 'NoCredit' | 'NotAllowedTypeOfEVSE' | 'NotAtThisLocation' | 'NotAtThisTime';

export interface TokenRecord {
  idToken: string;
  /** 2.0.1 IdTokenEnumType; a 2.0.1 request matches only when the type agrees (default ISO14443 … any). */
  type?: string;
  status: TokenStatus;
  /** 2.0.1 groupIdToken.idToken / 1.6 parentIdTag. */
  groupId?: string;
}

export const defaultGroupId = 'GROUP-01';
/** The group of the Master Pass card (2.0.1 AuthCtrlr.MasterPassGroupId, C16): the harness's default configured masterPassGroupId. */
export const defaultMasterPassGroupId = 'MASTERPASS-01';

export const defaultTokens: readonly TokenRecord[] = [
  { idToken: '04A1B2C3D4E5F6', type: 'ISO14443', status: 'Accepted', groupId: defaultGroupId },
  { idToken: '04A1B2C3D4E5F7', type: 'ISO14443', status: 'Accepted', groupId: defaultGroupId },
  { idToken: '04AA55AA55AA55', type: 'ISO14443', status: 'Accepted', groupId: defaultMasterPassGroupId },
  { idToken: '04FFEEDDCCBBAA', type: 'ISO14443', status: 'Invalid' },
  { idToken: '04B10C4ED00001', type: 'ISO14443', status: 'Blocked' },
  { idToken: '04E0E1E2E3E4E5', type: 'ISO14443', status: 'Expired' },
];

/**
 * The eMAIDs of ISO 15118 contracts this CSMS knows (Part 6 TC_C_50_CSMS prerequisite: the
 * configured eMAID is known as valid): the reference EV's. Not in the local list it sends.
 */
export const contractTokens: readonly TokenRecord[] = [{ idToken: 'NLOCPC000000001', type: 'eMAID', status: 'Accepted' }];

export interface TokenDefects {
  rejectsValid: boolean;
  acceptsInvalid: boolean;
  acceptsBlocked: boolean;
  acceptsExpired: boolean;
  groupIdMissing: boolean;
  /** 1.6 blocked-token-invalid: a blocked idTag answered Invalid ("unknown") instead of Blocked. */
  blockedAsInvalid?: boolean;
}

/** What the CSMS decides for one presented token. */
export interface TokenDecision {
  status: TokenStatus;
  groupId?: string;
  known: boolean;
}

export class TokenBook {
  private readonly tokens: readonly TokenRecord[];

  constructor(tokens: readonly TokenRecord[] = defaultTokens) {
    this.tokens = tokens;
  }

  list(): readonly TokenRecord[] {
    return this.tokens;
  }

  /** The first token with status Accepted: the default for remote starts and reservations. */
  firstValid(): TokenRecord {
    return this.tokens.find((t) => t.status === 'Accepted') ?? { idToken: '04A1B2C3D4E5F6', type: 'ISO14443', status: 'Accepted' };
  }

  find(idToken: string): TokenRecord | undefined {
    return this.tokens.find((t) => t.idToken === idToken) ?? contractTokens.find((t) => t.idToken === idToken);
  }

  /**
   * The status of a token, spelled for the version: an unknown token is 2.0.1 `Unknown`, 1.6
   * `Invalid` (1.6 has no Unknown). Defects bend the answer the way buggy CSMSs do.
   */
  decide(version: OcppVersion, idToken: string, defects: TokenDefects): TokenDecision {
    const record = this.find(idToken);
    let status: TokenStatus = record?.status ?? (version === '1.6' ? 'Invalid' : 'Unknown');
    if (version === '1.6' && !isStatus16(status)) status = 'Invalid';
    if (status === 'Accepted' && defects.rejectsValid) status = 'Invalid';
    else if ((status === 'Invalid' || status === 'Unknown') && defects.acceptsInvalid) status = 'Accepted';
    else if (status === 'Blocked' && defects.acceptsBlocked) status = 'Accepted';
    else if (status === 'Blocked' && defects.blockedAsInvalid) status = 'Invalid';
    else if (status === 'Expired' && defects.acceptsExpired) status = 'Accepted';
    const groupId = defects.groupIdMissing ? undefined : record?.groupId;
    return { status, known: record !== undefined, ...(groupId === undefined ? {} : { groupId }) };
  }
}

function isStatus16(status: TokenStatus): boolean {
  return status === 'Accepted' || status === 'Blocked' || status === 'Expired' || status === 'Invalid' || status === 'ConcurrentTx';
}

/** 2.0.1 IdTokenInfoType (groupIdToken is an IdTokenType of type Central). */
export function idTokenInfo(decision: TokenDecision): JsonObject {
  return {
    status: decision.status,
    ...(decision.groupId === undefined ? {} : { groupIdToken: { idToken: decision.groupId, type: 'Central' } }),
  };
}

/** 1.6 IdTagInfo. */
export function idTagInfo(decision: TokenDecision): JsonObject {
  return {
    status: decision.status,
    ...(decision.groupId === undefined ? {} : { parentIdTag: decision.groupId }),
  };
}

/** The token defects of the authorization blocks (csms/v201/authorization.ts, csms/v16/core.ts) as TokenBook flags. */
export function tokenDefects(ctx: { has(defect: string): boolean }): TokenDefects {
  return {
    rejectsValid: ctx.has('rejects-valid-token'),
    acceptsInvalid: ctx.has('accepts-invalid-token'),
    acceptsBlocked: ctx.has('accepts-blocked-token'),
    acceptsExpired: ctx.has('accepts-expired-token'),
    groupIdMissing: ctx.has('group-id-missing'),
    blockedAsInvalid: ctx.has('blocked-token-invalid'),
  };
}

/** The token defects (both versions), declared by the 2.0.1 authorization block and the 1.6 core profile. */
export const tokenDefectDecls = [
  { name: 'rejects-valid-token', description: 'Authorize / transaction responses say Invalid for a valid idToken' },
  { name: 'accepts-invalid-token', description: 'Accepted for an invalid or unknown idToken' },
  { name: 'accepts-blocked-token', description: 'Accepted for a blocked idToken' },
  { name: 'accepts-expired-token', description: 'Accepted for an expired idToken' },
  { name: 'group-id-missing', description: 'idTokenInfo / idTagInfo leaves out the groupIdToken / parentIdTag of a token that has a group' },
] as const;
