/** The feature-profile modules of the 1.6 CSMS simulator. A new profile adds its module here and touches no other module's file. */
import type { CsmsBlock } from '../block.js';
import { certificates16 } from './certificates.js';
import { core16 } from './core.js';
import { coreTriggers16 } from './core-triggers.js';
import { firmware16 } from './firmware.js';
import { localList16 } from './local-list.js';
import { remoteTrigger16 } from './remote-trigger.js';
import { reservation16 } from './reservation.js';
import { security16 } from './security.js';
import { securityLog16 } from './security-log.js';
import { signedFirmware16 } from './signed-firmware.js';
import { smartCharging16 } from './smart-charging.js';

export const csmsBlocks16: readonly CsmsBlock[] = [core16, coreTriggers16, localList16, remoteTrigger16, smartCharging16, reservation16, firmware16, security16, certificates16, securityLog16, signedFirmware16];
