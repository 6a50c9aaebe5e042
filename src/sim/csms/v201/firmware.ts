/** Block L, firmware management: the station's firmware status notifications are acknowledged. */
import { empty, type CsmsBlock } from '../block.js';

export const firmware: CsmsBlock = { name: 'firmware', defects: [], responders: () => ({ FirmwareStatusNotification: empty, PublishFirmwareStatusNotification: empty }) };
