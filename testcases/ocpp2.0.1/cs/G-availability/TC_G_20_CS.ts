/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_20_CS — Connector status Notification, Lock Failure:
 * the cable is pushed in only halfway (EVConnectedPreSession, but the connector lock cannot close);
 * after the authorization the station reports ConnectorPlugRetentionLock.Problem "true" by NotifyEvent
 * with trigger Delta (Part 2 G05.FR.02; 2.0.1 has no ConnectorLockFailure error code) and does not
 * start charging (G05.FR.01). Prerequisites (Part 6): the station has the ConnectorPlugRetentionLock
 * component and a MonitoringLevel that reports it; no PICS item says so, and Part 5 lists the case
 * for the CSMS only, so it carries no certification profile.
 */
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { callsIn, frames, journalEnd, num, obj, str } from '../_shared/journal.js';

const lockProblem = (d: JsonObject | undefined): boolean => str(obj(d?.['component'])?.['name']) === 'ConnectorPlugRetentionLock' && str(obj(d?.['variable'])?.['name']) === 'Problem';
const eventData = (p: JsonObject): Array<JsonObject | undefined> => (Array.isArray(p['eventData']) ? (p['eventData'] as unknown[]).map(obj) : []);

export default defineTestCase({
  id: 'TC_G_20_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Connector status Notification - Lock Failure',
  useCases: ['G05'],
  requirements: ['G05.FR.01', 'G05.FR.02'],
  certification: [],
  validations: [
    { step: 2, checks: 'NotifyEvent with trigger Delta, component ConnectorPlugRetentionLock, variable Problem, actualValue "true"' },
    { step: 'post', checks: 'no TransactionEvent with chargingState Charging after the cable went in halfway' },
  ],
  detects: ['lock-failure-not-reported', 'lock-failure-starts-charging'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    const from = journalEnd(ctx);
    await ctx.step('Before: EVConnectedPreSession with the cable not fully plugged in', async () => {
      await ctx.dut('plugInHalfway', where);
      await expectConnectorStatus(ctx, 'Occupied', where, { from });
    });
    await ctx.step('Step 1: Authorized', () => ctx.state('Authorized'));
    await ctx.step('Steps 2-3: NotifyEvent ConnectorPlugRetentionLock.Problem', async () => {
      // From the plug-in: a station may find out that the lock did not close before the authorization.
      const event = await ctx.expectCall('NotifyEvent', { from, match: (p) => eventData(p).some(lockProblem), describe: 'a NotifyEvent about ConnectorPlugRetentionLock.Problem', step: 2, anyOrder: 'Part 2 N07: every triggered monitor reports in a NotifyEvent of its own, so events of other monitors may come first' });
      const d = eventData(event.payload).find(lockProblem);
      ctx.check('eventData trigger Delta', d?.['trigger'] === 'Delta', { expected: 'Delta', actual: d?.['trigger'] ?? 'absent', frames: frames(event), step: 2 });
      ctx.check('eventData actualValue "true"', d?.['actualValue'] === 'true', { expected: 'true', actual: d?.['actualValue'] ?? 'absent', frames: frames(event), step: 2 });
    });
    await ctx.step('Post scenario: the station did not start charging', async () => {
      const extra = num(ctx.config.extra['lockFailureObserveS']);
      const forMs = extra !== undefined ? extra * 1000 : Math.min(ctx.config.messageTimeoutMs, ctx.config.heartbeatIntervalS * 1000) / 2;
      const charging = (p: JsonObject): boolean => obj(p['transactionInfo'])?.['chargingState'] === 'Charging';
      const early = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && charging(e.payload));
      ctx.check('no TransactionEvent with chargingState Charging so far', early === undefined, { expected: 'none', actual: early ? 'chargingState Charging' : 'none', frames: early?.frameSeq === undefined ? [] : [early.frameSeq] });
      await ctx.expectNoCall('TransactionEvent', { forMs, match: charging, describe: 'a TransactionEvent with chargingState Charging' });
    });
  },
});
