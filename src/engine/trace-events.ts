/**
 * Connection events of the wire log as a case's trace shows them (issue #24): a trace alone must
 * show that the DUT closed the socket, with which code, or that an upgrade was refused — and a
 * connection-timing check cites these events by connection id.
 */
import type { WireEntry } from '../transport/wire-log.js';
import type { TraceEvent } from './run-model.js';

/** OCPP-J / RFC 6455 §7.1.5: 1006 means the connection dropped without a close frame. */
const abnormalClose = 1006;

export function traceEventOf(e: WireEntry): Array<Omit<TraceEvent, 'relMs'> & { monoMs: number }> {
  const base = { seq: e.seq, connectionId: e.connectionId, wallTime: e.wallTime, monoMs: e.monoMs };
  switch (e.kind) {
    case 'open':
      return [{ ...base, event: 'open', side: e.side, subprotocol: e.subprotocol, ...(e.identity === undefined ? {} : { identity: e.identity }) }];
    case 'close':
      // The wire log is the harness's: 'local' is the harness, 'remote' the DUT or the network.
      return [{ ...base, event: 'close', code: e.code, reason: e.reason, closedBy: e.initiator === 'local' ? 'harness' : e.code === abnormalClose ? 'network' : 'dut' }];
    case 'rejected':
      return [{ ...base, event: 'rejected', status: e.status, reason: e.reason }];
    case 'error':
      return [{ ...base, event: 'error', message: e.message }];
    default:
      return [];
  }
}
