/**
 * Block A, security: the security event of a start-up or reboot (Part 2 A04.FR.01; Part 6
 * reusable state Booted, step 7), sent after the connector statuses.
 */
import type { Block201 } from './context.js';
import { v } from '../device-model-data.js';

export const security: Block201 = {
  name: 'security',
  variables: [
    v({ component: 'SecurityCtrlr', variable: 'SecurityProfile', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
    v({ component: 'SecurityCtrlr', variable: 'Identity', dataType: 'string', mutability: 'ReadWrite', value: 'CP001', rebootRequired: true }),
    v({ component: 'SecurityCtrlr', variable: 'OrganizationName', dataType: 'string', mutability: 'ReadWrite', value: 'ocpp-conform' }),
    v({ component: 'SecurityCtrlr', variable: 'CertificateEntries', dataType: 'integer', mutability: 'ReadOnly', value: '0' }),
  ],
  defects: [
    // Checked where SetNetworkProfile is handled (network-profiles.ts): Part 2 B09.FR.04 / A05.
    { name: 'accepts-downgrade', description: 'accepts a network connection profile with a lower security profile than the one in use (Part 2 B09.FR.04)' },
  ],
  create: ({ core }) => {
    core.bus.on('bootAccepted', async () => {
      await core.send('SecurityEventNotification', { type: core.bootReason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', timestamp: core.nowIso() });
    });
    return {};
  },
};
