/**
 * Defects of the station core (connection lifecycle, boot loop, heartbeat, message queue): the
 * behaviour they break lives in station-core.ts, boot.ts and message-queue.ts beside this file.
 */
import type { OcppVersion } from '../../../protocol/versions.js';
import type { DefectInfo } from '../../types.js';
import { robustnessDefects } from '../../robustness/wire-quirks.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const v201: readonly OcppVersion[] = ['2.0.1'];
const d = (name: string, versions: readonly OcppVersion[], description: string): DefectInfo => ({ name, side: 'cs', versions, description });

export const coreDefects: readonly DefectInfo[] = [
  d('ignores-boot-retry-interval', both, 'after BootNotification Pending/Rejected it retries at once instead of after the returned interval'),
  d('sends-before-boot-accepted', both, 'sends StatusNotification and Heartbeat while its registration is Pending/Rejected'),
  d('invalid-boot-payload', both, 'BootNotification violates the schema (model / chargePointModel missing)'),
  d('no-status-after-boot', both, 'sends no StatusNotification for its connectors after BootNotification Accepted'),
  d('wrong-heartbeat-interval', both, 'sends Heartbeat at half the configured interval'),
  d('second-call-in-flight', both, 'sends a second CALL before the CSMS answered the first'),
  d('error-code-1.6-spelling', v201, 'answers a malformed CALL on a 2.0.1 link with the 1.6 spelling FormationViolation'),
  d('no-reconnect', both, 'never reconnects after the connection to the CSMS is lost'),
  d('no-reconnect-backoff', v201, 'reconnects at once after a connection loss or a refused attempt instead of waiting RetryBackOffWaitMinimum (doubling)'),
  d('no-message-retry', both, 'never retries a transaction message the CSMS failed to answer'),
  d('resends-answered-message', v201, 'keeps resending a transaction message after the CSMS answered it, until MessageAttempts are used up'),
  // Robustness defects (issue #16): wire quirks of src/sim/robustness/wire-quirks.ts.
  ...robustnessDefects('cs'),
  d('sends-session-while-rejected', v201, 'while its registration is Rejected sends StatusNotification, Authorize and a TransactionEvent before the next BootNotification'),
  d('restarts-message-ids', both, 'numbers its CALL message ids from 1 again on every new connection (OCPP-J §4.1.4: unique across connections)'),
];
