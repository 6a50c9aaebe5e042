/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_11_CS — Start transaction options, DataSigned
 * (Part 2 E01 S4). TxStartPoint DataSigned with SignReadings on: authorized, then the cable; the
 * transaction starts on the signed meter data (Started, SignedDataReceived, a signed
 * Transaction.Begin value), then the energy flows (Updated, ChargingStateChanged, Charging).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus, expectTxEvent } from '../_shared/expect.js';
import { frames, journalEnd, obj, targetOf } from '../_shared/journal.js';
import { checkEvent, configurableOrNone, configurePoints, startMethod } from './tx-points.js';

/** Every sampledValue of the event's meterValue(s). */
const sampledValues = (p: JsonObject): JsonObject[] =>
  (Array.isArray(p['meterValue']) ? p['meterValue'] : []).flatMap((m) => {
    const sv = obj(m)?.['sampledValue'];
    return Array.isArray(sv) ? sv.flatMap((x) => (obj(x) ? [obj(x) as JsonObject] : [])) : [];
  });

export default defineTestCase({
  id: 'TC_E_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - DataSigned',
  useCases: ['E01'],
  requirements: ['E01.FR.04', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-09.3 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.6)).
  applies: { all: [{ item: 'C-09.3' }, configurableOrNone('C-51', 'C-09.1', 'C-09.2', 'C-09.6')] },
  validations: [
    { step: 1, checks: 'connector status Occupied (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 3, checks: 'TransactionEvent Started, triggerReason SignedDataReceived (or RemoteStart when started remotely), configured idToken, evse with connectorId, a Transaction.Begin sampledValue with a complete signedMeterValue' },
    { step: 5, checks: 'TransactionEvent Updated, triggerReason ChargingStateChanged, chargingState Charging' },
  ],
  detects: ['unsigned-start-value', 'starts-at-authorized'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['DataSigned'], excludes: ['ParkingBayOccupancy', 'EVConnected', 'Authorized'] }], [{ component: 'SampledDataCtrlr', variable: 'SignReadings', value: 'true' }]);
    await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: connect the EV; connector Occupied', async () => {
      await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
      await expectConnectorStatus(ctx, 'Occupied', t, { from, step: 1 });
    });
    const started = await ctx.step('Steps 3-4: TransactionEvent Started on the signed meter data', async () => {
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the EV was connected');
      checkEvent(ctx, te, { step: 3, eventType: ['Started'], triggerReason: startMethod(ctx) === 'remote' ? ['RemoteStart', 'SignedDataReceived'] : ['SignedDataReceived'], idToken: t.idToken, evse: true });
      const begins = sampledValues(te.payload).filter((v) => v['context'] === 'Transaction.Begin');
      const begin = begins.find((v) => obj(v['signedMeterValue']) !== undefined) ?? begins[0];
      const signed = obj(begin?.['signedMeterValue']);
      ctx.check('meterValue has a sampledValue with context Transaction.Begin', begin !== undefined, { expected: 'context Transaction.Begin', actual: sampledValues(te.payload).map((v) => (typeof v['context'] === 'string' ? v['context'] : 'no context')).join(', ') || 'no meterValue', frames: frames(te), step: 3 });
      for (const field of ['encodingMethod', 'publicKey', 'signedMeterData', 'signingMethod']) {
        ctx.check(`sampledValue.signedMeterValue.${field} is not omitted`, typeof signed?.[field] === 'string', { expected: 'present', actual: signed?.[field] ?? 'omitted', frames: frames(te), step: 3 });
      }
      return te;
    });
    await ctx.step('Steps 5-6: TransactionEvent Updated, Charging', async () => {
      const te = await expectTxEvent(ctx, started.index + 1, 'the next TransactionEvent of the transaction');
      checkEvent(ctx, te, { step: 5, eventType: ['Updated'], triggerReason: ['ChargingStateChanged'], chargingState: ['Charging'] });
    });
  },
});
