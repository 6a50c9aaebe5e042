/**
 * 1.6 Security Whitepaper log retrieval, the Central System's side (N01 Retrieve Log Information):
 * the operator's trigger builds GetLog (logType, the remoteLocation the operator gives, a fresh
 * requestId). The LogStatusNotification answers are in ./security.ts.
 */
import { ParamError } from '../params.js';
import type { CsmsBlock } from '../block.js';

const logTypes = ['SecurityLog', 'DiagnosticsLog'];

export const securityLog16: CsmsBlock = {
  name: 'security-log',
  defects: [{ name: 'get-log-wrong-log-type', description: 'GetLog asks for the other logType (DiagnosticsLog for SecurityLog and the reverse) than the operator asked for' }],
  triggers: {
    triggerGetLog: (ctx, p) => {
      const remoteLocation = p.str('remoteLocation');
      if (remoteLocation === undefined || remoteLocation === '') throw new ParamError('parameter remoteLocation (the URL to upload the log to) is required');
      const asked = p.str('logType') ?? 'SecurityLog';
      if (!logTypes.includes(asked)) throw new ParamError(`logType ${asked} is not SecurityLog or DiagnosticsLog`);
      const logType = ctx.has('get-log-wrong-log-type') ? logTypes.find((t) => t !== asked) ?? asked : asked;
      return { action: 'GetLog', payload: { logType, requestId: p.int('requestId') ?? ctx.next('requestId'), log: { remoteLocation } } };
    },
  },
};
