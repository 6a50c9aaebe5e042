/**
 * The named non-conformances of the reference CSMS, collected from where they are declared: the
 * CSMS core (below: connection, security, RPC framework, registration guard, triggers) and each
 * block module of each version (csms/v201/blocks.ts, csms/v16/blocks.ts). Each one is a
 * plausible real-world bug, changes what the simulator puts on the wire, and exists so that at
 * least one `_CSMS` test case can prove it catches it. Several can be switched on together.
 */
import type { OcppVersion } from '../../protocol/versions.js';
import { collectDefects } from '../defect-registry.js';
import type { DefectInfo } from '../types.js';
import { robustnessDefects } from '../robustness/wire-quirks.js';
import { csmsBlocks16 } from './v16/blocks.js';
import { csmsBlocks201 } from './v201/blocks.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const v201: readonly OcppVersion[] = ['2.0.1'];

const d = (name: string, versions: readonly OcppVersion[], description: string): DefectInfo => ({ name, side: 'csms', versions, description });

/** Defects of the CSMS core (simulator.ts, wire.ts). */
const coreDefects: readonly DefectInfo[] = [
  // Connection and security (2.0.1 TC_A_*, TC_B_58; 1.6 Security Whitepaper)
  d('accepts-wrong-password', both, 'security profile 1/2: accepts any HTTP Basic auth password'),
  d('accepts-unknown-station', both, 'accepts a station identity it does not know instead of refusing it with HTTP 404'),
  d('subprotocol-first-offered-only', both, 'reads only the first offered WebSocket subprotocol and drops the connection when it is not its own'),
  d('keeps-connection-without-subprotocol', both, 'completes a handshake without an agreed subprotocol and leaves the connection open instead of closing it at once'),
  // RPC framework (OCPP-J)
  d('unknown-action-internal-error', both, 'answers an unknown action with InternalError instead of NotImplemented'),
  d('wrong-error-code-spelling', v201, 'spells its CALLERROR codes as in OCPP 1.6 (FormationViolation, OccurenceConstraintViolation) on a 2.0.1 link'),
  // Registration (2.0.1 B; 1.6 TC_001): schema check and the Pending/Rejected guard
  d('accepts-invalid-boot', both, 'answers Accepted to a BootNotification that violates the schema instead of a CALLERROR'),
  d('accepts-calls-while-pending', v201, 'answers CALLs other than BootNotification normally while the station is Pending/Rejected instead of SecurityError'),
  // Triggers
  d('ignores-trigger', both, 'a trigger is acknowledged but the CSMS never sends the CALL'),
  // Robustness defects (issue #16): wire quirks of src/sim/robustness/wire-quirks.ts.
  ...robustnessDefects('csms'),
];

export const csmsDefects: readonly DefectInfo[] = collectDefects('csms', coreDefects, [
  { version: '2.0.1', blocks: csmsBlocks201 },
  { version: '1.6', blocks: csmsBlocks16 },
]);

export function isCsmsDefect(name: string, version?: OcppVersion): boolean {
  return csmsDefects.some((defect) => defect.name === name && (version === undefined || defect.versions.includes(version)));
}
