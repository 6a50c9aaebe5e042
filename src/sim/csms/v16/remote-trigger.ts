/**
 * Remote Trigger profile (1.6 §5.17): the TriggerMessage trigger. The connectorId is sent as
 * asked (it may name a connector the station does not have: OCTT 1.6 TC_055_CSMS), and left out
 * only when none is given.
 */
import type { CsmsBlock } from '../block.js';
import { wrongTrigger } from '../trigger-helpers.js';

export const remoteTrigger16: CsmsBlock = {
  name: 'remote-trigger',
  defects: [
    { name: 'trigger-message-wrong-message', description: 'TriggerMessage requests another message than the one asked for' },
    { name: 'trigger-message-no-connector', description: 'TriggerMessage leaves out the connectorId it was asked to send' },
  ],
  triggers: {
    triggerTriggerMessage: (ctx, p) => {
      const requested = p.str('requestedMessage') ?? p.str('message') ?? 'Heartbeat';
      const connectorId = ctx.has('trigger-message-no-connector') ? undefined : (p.int('connectorId') ?? p.int('evseId'));
      return { action: 'TriggerMessage', payload: { requestedMessage: wrongTrigger(ctx, requested), ...(connectorId === undefined ? {} : { connectorId }) } };
    },
  },
};
