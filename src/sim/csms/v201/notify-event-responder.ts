/**
 * The CSMS's answer to NotifyEvent, shared by two blocks without one importing the other: the
 * diagnostics block (N) answers the CALL, the availability block (G) declares the defect that makes
 * a connector lock problem (NotifyEvent ConnectorPlugRetentionLock, Part 2 G05.FR.03) refused.
 */
import { PropertyConstraintViolationError } from '../../../session/rpc-error.js';
import { empty, obj, str } from '../block.js';
import type { Responder, ResponderHost } from '../responses.js';

export const notifyEventUnknownComponentError = {
  name: 'notify-event-unknown-component-error',
  description: 'answers a NotifyEvent about a component it does not model (ConnectorPlugRetentionLock) with CALLERROR PropertyConstraintViolation',
} as const;

/** NotifyEvent: acknowledged; a lock problem too, unless the defect makes the CSMS refuse the component. */
export function notifyEventResponder(host: ResponderHost): Responder {
  return (s, p) => {
    const data = Array.isArray(p['eventData']) ? (p['eventData'] as unknown[]).map(obj) : [];
    const lock = data.some((d) => str(obj(d?.['component'])?.['name']) === 'ConnectorPlugRetentionLock');
    if (lock && host.has(notifyEventUnknownComponentError.name)) throw new PropertyConstraintViolationError('unknown component ConnectorPlugRetentionLock');
    return empty(s, p);
  };
}
