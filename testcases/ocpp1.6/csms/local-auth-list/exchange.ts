/**
 * Helper of the OCPP 1.6 Local Authorization List `_CSMS` cases (OCTT 1.6 document §3.14.2): the
 * entries of a SendLocalList.req the Central System sent.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

/** Every localAuthorizationList entry carries an idTagInfo (OCTT 1.6 TC_043_4_CSMS step 1, TC_043_5_CSMS step 3). */
export function checkEntries(ctx: TestContext, payload: JsonObject, frames: number[], step: number): void {
  const list = Array.isArray(payload['localAuthorizationList']) ? (payload['localAuthorizationList'] as JsonObject[]) : [];
  const bare = list.filter((e) => typeof e['idTagInfo'] !== 'object' || e['idTagInfo'] === null).map((e) => String(e['idTag']));
  ctx.check('every localAuthorizationList entry has an idTagInfo', bare.length === 0, { expected: 'idTagInfo in every entry', actual: bare.length === 0 ? `${list.length} entries, all with idTagInfo` : `without idTagInfo: ${bare.join(', ')}`, frames, step });
  // Prerequisite: the Central System has at least one idTag to put in the list.
  ctx.check('the list carries at least one idTag', list.length > 0, { expected: 'at least one entry', actual: `${list.length} entries`, frames, severity: 'warning', step });
}
