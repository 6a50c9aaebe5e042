/**
 * The start and stop option cases of block E (Part 6 §2.6 TC_E_01 … TC_E_54_CS, issue #19): the
 * "Before" configuration of TxStartPoint / TxStopPoint (set only when the station's value does not
 * already give the case's point, so a ReadOnly station that fits runs unchanged, one that does not
 * is inconclusive with the reason) and the field checks of one TransactionEvent, each naming the
 * official step it implements.
 */
import type { ObservedCall, PicsCondition, TestContext } from '../../../../src/engine/authoring.js';
import { configure, type Setting } from '../_shared/case-support.js';
import { txSettings, type TxSettings } from '../_shared/expect.js';
import type { IdTokenParam } from '../_shared/journal.js';
import { frames, obj, targetOf, txInfo } from '../_shared/journal.js';

export interface PointWish {
  /** TxStartPoint or TxStopPoint. */
  variable: 'TxStartPoint' | 'TxStopPoint';
  /** The value(s) the case needs; one of them must be set (Part 6 "contains X" / "X AND/OR Y"). */
  needs: readonly string[];
  /** Values that would make the case take another path (Part 6 prerequisite "… OR Y is set"). */
  excludes?: readonly string[];
}

/** Does the station's current list already give what the case needs? */
export function fits(current: readonly string[], wish: PointWish): boolean {
  return wish.needs.some((p) => current.includes(p)) && !(wish.excludes ?? []).some((p) => current.includes(p));
}

/**
 * Part 6 "Configuration State" of the start/stop option cases: each TxStartPoint / TxStopPoint wish
 * plus the other settings, in one report step. A point that does not fit is set to the needed value
 * alone (the restore puts the original back). Returns the settings as they will be.
 */
export async function configurePoints(ctx: TestContext, wishes: readonly PointWish[], others: readonly Setting[] = []): Promise<TxSettings> {
  const before = await txSettings(ctx);
  const settings: Setting[] = [];
  const after = { ...before };
  for (const wish of wishes) {
    const current = wish.variable === 'TxStartPoint' ? before.startPoints : before.stopPoints;
    if (fits(current, wish)) continue;
    const value = [wish.needs[0] as string];
    settings.push({ component: 'TxCtrlr', variable: wish.variable, value: value.join(',') });
    if (wish.variable === 'TxStartPoint') after.startPoints = value;
    else after.stopPoints = value;
  }
  await configure(ctx, [...settings, ...others]);
  return after;
}

export interface EventRule {
  /** The official step whose tool validations these are. */
  step: number;
  eventType?: readonly string[];
  triggerReason?: readonly string[];
  chargingState?: readonly string[];
  /** Allowed stoppedReason values; 'omitted' allows leaving it out. */
  stoppedReason?: readonly string[];
  idToken?: IdTokenParam;
  /** evse.id and evse.connectorId must be present. */
  evse?: boolean;
  offline?: boolean;
}

/** The tool validations of one TransactionEvent, every check naming `rule.step`. */
export function checkEvent(ctx: TestContext, te: ObservedCall, rule: EventRule): void {
  const { step } = rule;
  const info = txInfo(te);
  const oneOf = (what: string, actual: unknown, allowed: readonly string[]): void => {
    const ok = actual === undefined ? allowed.includes('omitted') : typeof actual === 'string' && allowed.includes(actual);
    ctx.check(`TransactionEvent ${what}`, ok, { expected: allowed.join(' or '), actual: actual ?? 'omitted', frames: frames(te), step });
  };
  if (rule.eventType) oneOf('eventType', te.payload['eventType'], rule.eventType);
  if (rule.triggerReason) oneOf('triggerReason', te.payload['triggerReason'], rule.triggerReason);
  if (rule.chargingState) oneOf('transactionInfo.chargingState', info['chargingState'], rule.chargingState);
  if (rule.stoppedReason) oneOf('transactionInfo.stoppedReason', info['stoppedReason'], rule.stoppedReason);
  if (rule.idToken) {
    const got = obj(te.payload['idToken']);
    ctx.check('TransactionEvent idToken.idToken', got?.['idToken'] === rule.idToken.idToken, { expected: rule.idToken.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(te), step });
    ctx.check('TransactionEvent idToken.type', got?.['type'] === rule.idToken.type, { expected: rule.idToken.type, actual: got?.['type'] ?? 'absent', frames: frames(te), step });
  }
  if (rule.evse) {
    const evse = obj(te.payload['evse']);
    ctx.check('TransactionEvent evse provided', evse?.['id'] !== undefined, { expected: 'evse.id', actual: evse ?? 'absent', frames: frames(te), step });
    ctx.check('TransactionEvent evse.connectorId provided', evse?.['connectorId'] !== undefined, { expected: 'evse.connectorId', actual: evse?.['connectorId'] ?? 'absent', frames: frames(te), step });
  }
  if (rule.offline !== undefined) ctx.check('TransactionEvent offline', (te.payload['offline'] === true) === rule.offline, { expected: rule.offline, actual: te.payload['offline'] ?? 'absent', frames: frames(te), step });
}

/** How the OCTT is configured to start / stop (`config.extra`), as the reusable states read it. */
export const startMethod = (ctx: TestContext): 'local' | 'remote' => targetOf(ctx, {}).method;
export const stopMethod = (ctx: TestContext): 'local' | 'remote' => targetOf(ctx, {}).stopMethod;

/** `items` as a PICS condition: any of them. */
export const anyOf = (...items: string[]): PicsCondition => ({ any: items.map((item) => ({ item })) });
/** Part 5 "(C-51 or NOT (…))": the point is configurable, or the others are not supported. */
export const configurableOrNone = (configurable: string, ...others: string[]): PicsCondition => ({ any: [{ item: configurable }, { not: anyOf(...others) }] });
