/** Block N, diagnostics: log status, events, monitoring reports and customer information are acknowledged. */
import { empty, type CsmsBlock } from '../block.js';
import { notifyEventResponder } from './notify-event-responder.js';

export const diagnostics: CsmsBlock = {
  name: 'diagnostics',
  defects: [],
  responders: (host) => ({ LogStatusNotification: empty, NotifyEvent: notifyEventResponder(host), NotifyMonitoringReport: empty, NotifyCustomerInformation: empty }),
};
