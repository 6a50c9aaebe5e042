/** The status / statusInfo pair of the N responses (Part 6: "statusInfo is absent or reasonCode …"). */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export function checkStatus(ctx: TestContext, what: string, res: JsonObject, statuses: readonly string[], reasonCodes: readonly string[], step?: number): void {
  const at = step === undefined ? {} : { step };
  ctx.check(`${what} status`, statuses.includes(String(res['status'])), { expected: statuses.join(' or '), actual: res['status'] ?? 'absent', ...at });
  const info = res['statusInfo'] as JsonObject | undefined;
  ctx.check(`${what} statusInfo`, info === undefined || reasonCodes.includes(String(info['reasonCode'])), { expected: `absent or reasonCode ${reasonCodes.join(' or ')}`, actual: info ?? 'absent', ...at });
}
