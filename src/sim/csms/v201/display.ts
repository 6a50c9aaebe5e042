/** Block O, display message: NotifyDisplayMessages is acknowledged. */
import { empty, type CsmsBlock } from '../block.js';

export const display: CsmsBlock = { name: 'display', defects: [], responders: () => ({ NotifyDisplayMessages: empty }) };
