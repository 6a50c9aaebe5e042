/** Firmware Management profile (1.6 §4.4, §4.5): diagnostics and firmware status notifications are acknowledged. */
import { empty, type CsmsBlock } from '../block.js';

export const firmware16: CsmsBlock = { name: 'firmware', defects: [], responders: () => ({ DiagnosticsStatusNotification: empty, FirmwareStatusNotification: empty }) };
