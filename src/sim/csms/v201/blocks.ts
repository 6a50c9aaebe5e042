/** The functional blocks of the 2.0.1 CSMS simulator. A new block adds its module here and touches no other block's file. */
import type { CsmsBlock } from '../block.js';
import { authorization } from './authorization.js';
import { availability } from './availability.js';
import { dataTransfer } from './data-transfer.js';
import { localList } from './local-list.js';
import { meterValues } from './meter-values.js';
import { diagnostics } from './diagnostics.js';
import { display } from './display.js';
import { evChargingNeeds } from './ev-charging-needs.js';
import { firmware } from './firmware.js';
import { iso15118Certificates } from './iso15118-certificates.js';
import { provisioning } from './provisioning.js';
import { remoteControl } from './remote-control.js';
import { reservation } from './reservation.js';
import { security } from './security.js';
import { smartCharging } from './smart-charging.js';
import { transactions } from './transactions.js';

export const csmsBlocks201: readonly CsmsBlock[] = [
  security,
  provisioning,
  authorization,
  localList,
  transactions,
  remoteControl,
  availability,
  reservation,
  meterValues,
  smartCharging,
  evChargingNeeds,
  firmware,
  iso15118Certificates,
  diagnostics,
  display,
  dataTransfer,
];
