/** The monitoring level before a case changes it (MonitoringCtrlr.ActiveMonitoringLevel), to put it back afterwards. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { getVariable } from '../_shared/case-support.js';

export async function levelBefore(ctx: TestContext): Promise<number> {
  const value = Number(await getVariable(ctx, { component: 'MonitoringCtrlr', variable: 'ActiveMonitoringLevel' }).catch(() => undefined));
  return Number.isInteger(value) && value >= 0 && value <= 9 ? value : 9;
}
