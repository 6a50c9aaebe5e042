/** Block N, diagnostics: log status, events, monitoring reports and customer information are acknowledged. */
import { empty, type CsmsBlock } from '../block.js';

export const diagnostics: CsmsBlock = {
  name: 'diagnostics',
  defects: [],
  responders: () => ({ LogStatusNotification: empty, NotifyEvent: empty, NotifyMonitoringReport: empty, NotifyCustomerInformation: empty }),
};
