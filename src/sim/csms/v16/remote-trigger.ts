/** Remote Trigger profile (1.6 §5.17): the TriggerMessage trigger. */
import type { CsmsBlock } from '../block.js';
import { wrongTrigger } from '../trigger-helpers.js';

export const remoteTrigger16: CsmsBlock = {
  name: 'remote-trigger',
  defects: [{ name: 'trigger-message-wrong-message', description: 'TriggerMessage requests another message than the one asked for' }],
  triggers: {
    triggerTriggerMessage: (ctx, p) => {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const connectorId = p.int('connectorId') ?? p.int('evseId');
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(connectorId === undefined ? {} : { connectorId }) } };
    },
  },
};
