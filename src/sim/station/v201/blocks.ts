/**
 * The functional blocks of the 2.0.1 station, in the order their bus listeners run (after a
 * boot: statuses (core) → security event (A) → meter value timers (J); after a transaction:
 * scheduled availability (G) → scheduled reset (B)). A new block adds its module here and
 * touches no other block's file.
 */
import { authCache } from './auth-cache.js';
import { authorization } from './authorization.js';
import { certificateSigning } from './certificate-signing.js';
import { availability } from './availability.js';
import { connectorLock } from './connector-lock.js';
import type { Block201 } from './context.js';
import { customerInformation } from './customer-information.js';
import { dataTransfer } from './data-transfer.js';
import { deviceModelReports } from './device-model-reports.js';
import { firmwareStatus } from './firmware-status.js';
import { evReadiness } from './ev-readiness.js';
import { evSideDisconnect } from './ev-side-disconnect.js';
import { iso15118Authorization } from './iso15118-authorization.js';
import { localList } from './local-list.js';
import { logStatus } from './log-status.js';
import { meterValues } from './meter-values.js';
import { monitoring } from './monitoring.js';
import { networkProfiles } from './network-profiles.js';
import { notYetImplementedBlock } from './not-yet-implemented.js';
import { offlineTransactions } from './offline-transactions.js';
import { provisioning } from './provisioning.js';
import { remoteControl } from './remote-control.js';
import { reservation } from './reservation.js';
import { reset } from './reset.js';
import { security } from './security.js';
import { transactionStatus } from './transaction-status.js';
import { smartCharging } from './smart-charging.js';
import { tariffCost } from './tariff-cost.js';
import { transactions } from './transactions.js';

export const blocks201: readonly Block201[] = [
  security,
  certificateSigning,
  availability,
  connectorLock,
  provisioning,
  reset,
  deviceModelReports,
  networkProfiles,
  authorization,
  authCache,
  localList,
  iso15118Authorization,
  transactions,
  transactionStatus,
  offlineTransactions,
  evReadiness,
  evSideDisconnect,
  remoteControl,
  reservation,
  meterValues,
  dataTransfer,
  logStatus,
  monitoring,
  customerInformation,
  firmwareStatus,
  smartCharging,
  tariffCost,
  notYetImplementedBlock,
];
