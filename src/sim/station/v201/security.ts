/**
 * Block A, security: the security event of a start-up or reboot (Part 2 A04.FR.01; Part 6
 * reusable state Booted, step 7), sent after the connector statuses.
 */
import type { Block201 } from './context.js';

export const security: Block201 = {
  name: 'security',
  defects: [],
  create: ({ core }) => {
    core.bus.on('bootAccepted', async () => {
      await core.send('SecurityEventNotification', { type: core.bootReason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', timestamp: core.nowIso() });
    });
    return {};
  },
};
