/**
 * Block N, diagnostics: log status, events, monitoring reports and customer information are
 * acknowledged; the CustomerInformation trigger (N09 get, N10 clear) names the customer it is
 * given: an idToken (default the token book's first valid one), a customerIdentifier or a
 * customerCertificate (CertificateHashDataType).
 */
import { empty, obj, str, type CsmsBlock } from '../block.js';
import { ParamError } from '../params.js';
import { idTokenOf } from '../trigger-helpers.js';
import { notifyEventResponder } from './notify-event-responder.js';

export const diagnostics: CsmsBlock = {
  name: 'diagnostics',
  defects: [
    { name: 'customer-information-flags-swapped', description: 'sends CustomerInformation with report and clear swapped (a get becomes a clear, a clear without report a get)' },
    { name: 'customer-information-drops-clear', description: 'sends CustomerInformation with clear false when asked to clear the customer information' },
    { name: 'customer-information-token-type-central', description: 'names the idToken of a CustomerInformation with type Central instead of its own type' },
  ],
  responders: (host) => ({ LogStatusNotification: empty, NotifyEvent: notifyEventResponder(host), NotifyMonitoringReport: empty, NotifyCustomerInformation: empty }),
  triggers: {
    triggerCustomerInformation: (ctx, p) => {
      const flag = (name: string): boolean => {
        const v = p.raw[name];
        if (v !== undefined && typeof v !== 'boolean') throw new ParamError(`parameter ${name} must be true or false`);
        return v === true;
      };
      let report = flag('report');
      let clear = flag('clear');
      if (ctx.has('customer-information-flags-swapped')) [report, clear] = [clear, report];
      if (ctx.has('customer-information-drops-clear')) clear = false;
      const customerIdentifier = str(p.raw['customerIdentifier']);
      const customerCertificate = obj(p.raw['customerCertificate']);
      const customer =
        customerIdentifier !== undefined
          ? { customerIdentifier }
          : customerCertificate !== undefined
            ? { customerCertificate }
            : { idToken: ((t) => (ctx.has('customer-information-token-type-central') ? { ...t, type: 'Central' } : t))(idTokenOf(ctx, p)) };
      return { action: 'CustomerInformation', payload: { requestId: p.int('requestId') ?? ctx.next('requestId'), report, clear, ...customer } };
    },
  },
};
