/**
 * The feature-profile modules of the 1.6 charge point (the Core profile is split in four), in
 * the order their bus listeners run. A new profile adds its module here and touches no other
 * module's file.
 */
import type { Block16 } from './context.js';
import { core16 } from './core.js';
import { coreAuthorization } from './core-authorization.js';
import { coreMeterValues } from './core-meter-values.js';
import { coreTransactions } from './core-transactions.js';
import { connectorLock16 } from './connector-lock.js';
import { dataTransfer16 } from './data-transfer.js';
import { power16 } from './power.js';
import { localList16 } from './local-list.js';
import { notYetImplementedBlock16 } from './not-yet-implemented.js';
import { remoteTrigger16 } from './remote-trigger.js';
import { reservation16 } from './reservation.js';
import { security16 } from './security.js';
import { chargePointCertificate16 } from './charge-point-certificate.js';
import { firmware16 } from './firmware.js';
import { securityLog16 } from './security-log.js';
import { signedFirmware16 } from './signed-firmware.js';

export const blocks16: readonly Block16[] = [core16, coreAuthorization, power16, coreTransactions, coreMeterValues, connectorLock16, dataTransfer16, localList16, remoteTrigger16, security16, chargePointCertificate16, securityLog16, signedFirmware16, reservation16, firmware16, notYetImplementedBlock16];
