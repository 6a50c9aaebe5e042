/**
 * The named non-conformances of the reference CSMS. Each one is a plausible real-world bug,
 * changes what the simulator puts on the wire, and exists so that at least one `_CSMS` test case
 * can prove it catches it (the case passes against the compliant simulator and fails with the
 * defect). Several can be switched on together.
 */
import type { OcppVersion } from '../../protocol/versions.js';
import type { DefectInfo } from '../types.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const v201: readonly OcppVersion[] = ['2.0.1'];
const v16: readonly OcppVersion[] = ['1.6'];

const d = (name: string, versions: readonly OcppVersion[], description: string): DefectInfo => ({ name, side: 'csms', versions, description });

export const csmsDefects: readonly DefectInfo[] = [
  // Connection and security (2.0.1 TC_A_*, TC_B_58; 1.6 Security Whitepaper)
  d('accepts-wrong-password', both, 'security profile 1/2: accepts any HTTP Basic auth password'),
  d('accepts-unknown-station', both, 'accepts a station identity it does not know instead of refusing it with HTTP 404'),
  d('subprotocol-first-offered-only', both, 'reads only the first offered WebSocket subprotocol and drops the connection when it is not its own'),
  // RPC framework (OCPP-J)
  d('unknown-action-internal-error', both, 'answers an unknown action with InternalError instead of NotImplemented'),
  d('wrong-error-code-spelling', v201, 'spells its CALLERROR codes as in OCPP 1.6 (FormationViolation, OccurenceConstraintViolation) on a 2.0.1 link'),
  // Provisioning (2.0.1 B; 1.6 TC_001)
  d('accepts-invalid-boot', both, 'answers Accepted to a BootNotification that violates the schema instead of a CALLERROR'),
  d('boot-without-interval', both, 'answers BootNotification with interval 0'),
  d('wrong-boot-interval', both, 'answers BootNotification with an interval other than the configured one'),
  d('boot-always-pending', both, 'answers every BootNotification with Pending, never Accepted'),
  d('accepts-calls-while-pending', v201, 'answers CALLs other than BootNotification normally while the station is Pending/Rejected instead of SecurityError'),
  d('heartbeat-wrong-time', both, 'Heartbeat/BootNotification currentTime is local time without a UTC offset (not RFC 3339)'),
  // Authorization (2.0.1 C, E; 1.6 TC_023_*)
  d('rejects-valid-token', both, 'Authorize / transaction responses say Invalid for a valid idToken'),
  d('accepts-invalid-token', both, 'Accepted for an invalid or unknown idToken'),
  d('accepts-blocked-token', both, 'Accepted for a blocked idToken'),
  d('accepts-expired-token', both, 'Accepted for an expired idToken'),
  d('group-id-missing', both, 'idTokenInfo / idTagInfo leaves out the groupIdToken / parentIdTag of a token that has a group'),
  // Transactions (2.0.1 E, J; 1.6 TC_003, TC_004_1)
  d('transaction-event-without-idtokeninfo', v201, 'answers a TransactionEvent that carries an idToken without idTokenInfo'),
  d('transaction-ended-error', both, 'answers the end of a transaction (TransactionEvent Ended / StopTransaction) with CALLERROR InternalError'),
  d('transaction-id-zero', v16, 'answers StartTransaction with transactionId 0 for every transaction'),
  d('meter-values-evse0-error', both, 'answers MeterValues for evseId / connectorId 0 (the main meter) with CALLERROR PropertyConstraintViolation'),
  // Remote control (2.0.1 B, F, G; 1.6 TC_010–TC_014, TC_019_1, TC_021, TC_026, TC_040_1)
  d('ignores-trigger', both, 'a trigger is acknowledged but the CSMS never sends the CALL'),
  d('reset-wrong-type', both, 'sends Reset with the other type (Immediate ↔ OnIdle, Hard ↔ Soft)'),
  d('remote-start-without-idtoken', both, 'sends RequestStartTransaction / RemoteStartTransaction with an empty idToken (NoAuthorization / idTag "")'),
  d('no-transaction-id', v201, 'sends RequestStopTransaction with an empty transactionId'),
  d('remote-stop-wrong-transaction', both, 'RequestStopTransaction / RemoteStopTransaction names a transaction that is not the ongoing one'),
  d('change-availability-without-evse', both, 'ChangeAvailability always addresses the whole station (no evse / connectorId 0)'),
  d('config-key-wrong-case', both, 'Get/SetVariables variable names and Get/ChangeConfiguration keys are sent lower-cased'),
  d('get-configuration-fixed-keys', v16, 'GetConfiguration always asks for HeartbeatInterval only, even when all keys were requested'),
  d('trigger-message-wrong-message', both, 'TriggerMessage requests another message than the one asked for'),
];

export function isCsmsDefect(name: string, version?: OcppVersion): boolean {
  return csmsDefects.some((defect) => defect.name === name && (version === undefined || defect.versions.includes(version)));
}
