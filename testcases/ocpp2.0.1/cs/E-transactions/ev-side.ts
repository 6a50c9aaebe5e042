/**
 * What the EV-side disconnect cases TC_E_24/25/26_CS share (Part 6 §2.6, Part 2 E09/E10): the
 * TransactionEvent after the cable left the EV (triggerReason EVCommunicationLost, chargingState
 * Idle), and the connector's Available report by StatusNotification or by NotifyEvent (trigger
 * Delta, Connector.AvailabilityState "Available"), judged field by field as Part 6 lists them.
 */
import type { JsonObject, ObservedCall, PicsCondition, TestContext } from '../../../../src/engine/authoring.js';
import { txInfo } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { frames, obj } from '../_shared/journal.js';

/**
 * Part 5's condition of the suspend cases TC_E_26_CS and TC_E_27_CS (the latter adds HFS-2): a stop
 * point off the cable (C-10.2 or C-10.5) that can be set, or no cable stop point at all; the
 * suspend behaviour (C-06.1); the connector kept locked (C-12.2); an IEC 61851-1 EV (AQ-9).
 */
export const suspendConditions: PicsCondition[] = [
  { any: [{ item: 'C-10.2' }, { item: 'C-10.5' }] },
  { any: [{ item: 'C-52' }, { not: { any: [{ item: 'C-10.1' }, { item: 'C-10.3' }, { item: 'C-10.4' }] } }] },
  { item: 'C-06.1' },
  { item: 'C-12.2' },
  { item: 'AQ-9' },
];

/** HFS-1: the station has a detachable cable (no PICS: assumed, as the reference station has one). */
export function detachableCable(ctx: TestContext): boolean {
  return ctx.pics.items['HFS-1'] !== false;
}

/** Step 1 of the three cases: the event after the EV-side disconnect. */
export async function expectEvCommunicationLost(ctx: TestContext, from: number, step: number, eventType?: string): Promise<ObservedCall> {
  const te = await ctx.expectCall('TransactionEvent', { from, describe: 'the TransactionEvent after the cable left the EV', step });
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVCommunicationLost', { expected: 'EVCommunicationLost', actual: te.payload['triggerReason'], frames: frames(te), step });
  ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te).chargingState === 'Idle', { expected: 'Idle', actual: txInfo(te).chargingState ?? 'absent', frames: frames(te), step });
  if (eventType) ctx.check('TransactionEvent eventType', te.payload['eventType'] === eventType, { expected: eventType, actual: te.payload['eventType'], frames: frames(te), step });
  return te;
}

/** Step 3: the connector reported Available; a NotifyEvent must say trigger Delta, Connector, AvailabilityState, "Available". */
export async function expectAvailable(ctx: TestContext, from: number, step: number): Promise<void> {
  const report = await expectConnectorStatus(ctx, 'Available', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }, { from });
  if (report.action === 'StatusNotification') {
    ctx.check('StatusNotification connectorStatus', report.payload['connectorStatus'] === 'Available', { expected: 'Available', actual: report.payload['connectorStatus'], frames: frames(report), step });
    return;
  }
  const data = Array.isArray(report.payload['eventData']) ? (report.payload['eventData'] as JsonObject[]) : [];
  const first = data[0];
  ctx.check('NotifyEvent eventData[0].trigger', first?.['trigger'] === 'Delta', { expected: 'Delta', actual: first?.['trigger'] ?? 'absent', frames: frames(report), step });
  ctx.check('NotifyEvent eventData[0].actualValue', first?.['actualValue'] === 'Available', { expected: 'Available', actual: first?.['actualValue'] ?? 'absent', frames: frames(report), step });
  ctx.check('NotifyEvent eventData[0].component.name', obj(first?.['component'])?.['name'] === 'Connector', { expected: 'Connector', actual: obj(first?.['component'])?.['name'] ?? 'absent', frames: frames(report), step });
  ctx.check('NotifyEvent eventData[0].variable.name', obj(first?.['variable'])?.['name'] === 'AvailabilityState', { expected: 'AvailabilityState', actual: obj(first?.['variable'])?.['name'] ?? 'absent', frames: frames(report), step });
}
