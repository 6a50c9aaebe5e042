/**
 * The named non-conformances of the reference charging station. Each one is a plausible
 * real-world bug, changes what the simulator puts on the wire, and exists so that at least one
 * `_CS` test case can prove it catches it. Several can be switched on together.
 */
import { HarnessError } from '../../errors.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { DefectInfo } from '../types.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const v201: readonly OcppVersion[] = ['2.0.1'];
const v16: readonly OcppVersion[] = ['1.6'];

const d = (name: string, versions: readonly OcppVersion[], description: string): DefectInfo => ({ name, side: 'cs', versions, description });

export const stationDefects: readonly DefectInfo[] = [
  // Provisioning / connection lifecycle
  d('ignores-boot-retry-interval', both, 'after BootNotification Pending/Rejected it retries at once instead of after the returned interval'),
  d('sends-before-boot-accepted', both, 'sends StatusNotification and Heartbeat while its registration is Pending/Rejected'),
  d('invalid-boot-payload', both, 'BootNotification violates the schema (model / chargePointModel missing)'),
  d('no-status-after-boot', both, 'sends no StatusNotification for its connectors after BootNotification Accepted'),
  d('wrong-heartbeat-interval', both, 'sends Heartbeat at half the configured interval'),
  d('second-call-in-flight', both, 'sends a second CALL before the CSMS answered the first'),
  d('error-code-1.6-spelling', v201, 'answers a malformed CALL on a 2.0.1 link with the 1.6 spelling FormationViolation'),
  d('no-reconnect', both, 'never reconnects after the connection to the CSMS is lost'),
  d('no-reconnect-backoff', v201, 'reconnects at once after a connection loss or a refused attempt instead of waiting RetryBackOffWaitMinimum (doubling)'),
  d('accepts-remote-start-while-pending', v201, 'accepts RequestStartTransaction while its registration is still Pending'),
  d('reset-without-reboot', both, 'accepts Reset but does not reboot'),
  d('reset-onidle-interrupts-tx', v201, 'a Reset OnIdle during a transaction reboots at once instead of answering Scheduled'),
  // Device model / configuration
  d('ignores-set-variables', both, 'answers SetVariables / ChangeConfiguration Accepted but does not apply the value'),
  d('unknown-variable-accepted', v201, 'answers Get/SetVariables for an unknown component or variable with Accepted'),
  d('ignores-attribute-type', v201, 'treats every attributeType as Actual instead of answering NotSupportedAttributeType'),
  d('read-only-accepted', both, 'accepts writing a read-only variable / configuration key'),
  d('accepts-invalid-values', both, 'accepts badly formatted values in SetVariables / ChangeConfiguration'),
  d('drops-get-variables-entries', both, 'answers only the first entry of a multi-entry GetVariables / GetConfiguration'),
  d('drops-set-variables-entries', v201, 'answers only the first entry of a multi-entry SetVariables'),
  d('set-variables-reboot-required', v201, 'answers RebootRequired to every accepted SetVariables although the value applies at once'),
  d('no-notify-report', v201, 'accepts GetBaseReport but never sends NotifyReport'),
  d('unknown-key-rejected', v16, 'answers ChangeConfiguration of an unknown key with Rejected instead of NotSupported'),
  // Authorization
  d('starts-tx-for-blocked-token', both, 'starts / keeps charging for a Blocked idToken'),
  d('starts-tx-for-invalid-token', both, 'starts / keeps charging for an Invalid (unknown) idToken'),
  d('starts-tx-for-expired-token', both, 'starts / keeps charging for an Expired idToken'),
  d('no-authorize', both, 'never sends Authorize: every presented idToken is taken as valid'),
  // Transactions
  d('skips-seqno', v201, 'TransactionEvent seqNo jumps by 2 after the Started event'),
  d('no-transaction-event-ended', v201, 'never sends TransactionEvent Ended'),
  d('no-stop-transaction', v16, 'never sends StopTransaction'),
  d('wrong-stop-reason', both, 'reports the stop reason as Other instead of the real one'),
  d('no-status-on-plug', both, 'sends no StatusNotification when the cable is plugged in or unplugged'),
  d('ignores-ev-connection-timeout', both, 'keeps an authorization forever when the cable is not plugged in (EVConnectionTimeOut / ConnectionTimeOut ignored)'),
  d('no-message-retry', both, 'never retries a transaction message the CSMS failed to answer'),
  d('wrong-transaction-status', v201, 'GetTransactionStatus reports an unknown transaction as ongoing'),
  d('no-meter-values', both, 'sends no periodic (sampled) meter values during a transaction'),
  d('no-clock-aligned-meter-values', both, 'ignores the clock-aligned meter value interval'),
  // Remote control / availability
  d('remote-start-ignored', both, 'accepts a remote start but never starts'),
  d('accepts-remote-start-when-unavailable', v16, 'accepts RemoteStartTransaction on an unavailable connector'),
  d('accepts-remote-start-connector-0', v16, 'accepts RemoteStartTransaction for connectorId 0'),
  d('rejects-remote-stop', both, 'rejects every remote stop, even of its own ongoing transaction'),
  d('accepts-remote-stop-unknown-tx', both, 'accepts a remote stop of a transaction it does not know'),
  d('availability-not-applied', both, 'accepts ChangeAvailability but does not change its status'),
  d('trigger-message-ignored', both, 'accepts TriggerMessage but sends nothing'),
  d('unlock-fails', both, 'answers every UnlockConnector with UnlockFailed'),
];

export const stationDefectNames: readonly string[] = stationDefects.map((x) => x.name);

/** The defects valid for `version`; an unknown name is a usage error, never silently ignored. */
export function resolveStationDefects(version: OcppVersion, names: readonly string[] = []): ReadonlySet<string> {
  for (const name of names) {
    const info = stationDefects.find((x) => x.name === name);
    if (!info) throw new HarnessError('E_USAGE', `unknown station defect "${name}"`, { hint: `known: ${stationDefectNames.join(', ')}` });
    if (!info.versions.includes(version)) throw new HarnessError('E_USAGE', `station defect "${name}" does not exist for OCPP ${version}`);
  }
  return new Set(names);
}
