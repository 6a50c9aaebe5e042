/**
 * What TC_C_40_CSMS and TC_C_43_CSMS share (Part 6 §3.4, C09 with idTokens of one group in the
 * station's Local Authorization List): the second valid idToken of the configured group, and the
 * check of an idTokenInfo the CSMS returns — status Accepted and groupIdToken.idToken the
 * configured GroupId (Part 2 C09.FR.02/03).
 */
import type { IdTokenValue, JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { obj } from '../_shared/station.js';

/** <Configured valid_idtoken2>: the second valid idToken of the group. */
export function validToken2(ctx: TestContext): IdTokenValue {
  return ctx.config.idTokens.validSameGroup ?? { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' };
}

export function checkGroupInfo(ctx: TestContext, response: JsonObject, what: string, step: number, frames: number[] = []): void {
  const info = obj(response['idTokenInfo']);
  ctx.check(`${what} idTokenInfo.status`, info?.['status'] === 'Accepted', { expected: 'Accepted', actual: info?.['status'] ?? 'absent', frames, step });
  const group = obj(info?.['groupIdToken'])?.['idToken'];
  ctx.check(`${what} idTokenInfo.groupIdToken.idToken`, group === ctx.config.groupId, { expected: ctx.config.groupId, actual: group ?? 'absent', frames, step });
}
