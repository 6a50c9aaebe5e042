/**
 * Defects of the CSMS simulator's meter value handling (block J), for the meter values a station
 * sends in MeterValues and in TransactionEvent (Part 6 TC_J_03..J_11_CSMS). The meter-values block
 * declares them; the blocks that answer those messages call `checkMeterValues` first.
 */
import type { JsonObject } from '../../protocol/frames.js';
import { FormatViolationError, InternalRpcError, PropertyConstraintViolationError } from '../../session/rpc-error.js';
import type { DefectDecl } from '../defect-registry.js';

export const meterValueDefects: readonly DefectDecl[] = [
  { name: 'transaction-begin-values-error', description: 'answers a TransactionEvent carrying Transaction.Begin meter values with CALLERROR PropertyConstraintViolation' },
  { name: 'ended-meter-values-error', description: 'answers a TransactionEvent Ended carrying more than one meterValue element with CALLERROR PropertyConstraintViolation' },
  { name: 'periodic-meter-values-error', description: 'answers a TransactionEvent with triggerReason MeterValuePeriodic with CALLERROR InternalError' },
  { name: 'signed-meter-value-error', description: 'answers a meter value carrying signedMeterValue with CALLERROR FormatViolation' },
];

const sampledOf = (payload: JsonObject): JsonObject[] =>
  (Array.isArray(payload['meterValue']) ? (payload['meterValue'] as JsonObject[]) : []).flatMap((mv) => (Array.isArray(mv['sampledValue']) ? (mv['sampledValue'] as JsonObject[]) : []));

/** Throws the CALLERROR a switched-on meter value defect gives for this MeterValues / TransactionEvent payload. */
export function checkMeterValues(has: (defect: string) => boolean, action: 'MeterValues' | 'TransactionEvent', payload: JsonObject): void {
  const sampled = sampledOf(payload);
  if (has('signed-meter-value-error') && sampled.some((s) => s['signedMeterValue'] !== undefined)) throw new FormatViolationError('unexpected property signedMeterValue');
  if (action !== 'TransactionEvent') return;
  if (has('transaction-begin-values-error') && sampled.some((s) => s['context'] === 'Transaction.Begin')) throw new PropertyConstraintViolationError('context Transaction.Begin not expected');
  const elements = Array.isArray(payload['meterValue']) ? payload['meterValue'].length : 0;
  if (has('ended-meter-values-error') && payload['eventType'] === 'Ended' && elements > 1) throw new PropertyConstraintViolationError('one meterValue expected');
  if (has('periodic-meter-values-error') && payload['triggerReason'] === 'MeterValuePeriodic') throw new InternalRpcError('could not store the meter values');
}
