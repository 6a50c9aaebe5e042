/** The reference CSMS simulator: public surface for the CLI, the `sim` DUT adapter and tests. */
export { csmsDefects, isCsmsDefect } from './defects.js';
export {
  createCsmsSimulator,
  CsmsSimulator,
  csmsControlActions,
  defaultBootRetryIntervalS,
  defaultHeartbeatIntervalS,
  defaultStationIds,
  defaultVendorId,
  type CsmsSimulatorOptions,
} from './simulator.js';
export { bootStatuses, type BootStatus, type StationRecord, type TransactionRecord } from './state.js';
export { defaultGroupId, defaultTokens, TokenBook, type TokenRecord, type TokenStatus } from './tokens.js';
export { buildTriggerCall, csmsTriggerActions, type CsmsTriggerAction } from './triggers.js';
