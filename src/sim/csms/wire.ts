/** How the CSMS simulator describes a triggered CALL's outcome, and the wrong-error-code-spelling defect's wire rewrite. */
import { errorCodeFor, type RpcErrorKind } from '../../protocol/error-codes.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { CallOutcome } from '../../session/endpoint.js';
import type { SessionConnection } from '../../session/types.js';

export function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.status) {
    case 'result': {
      const status = outcome.payload.status;
      if (typeof status === 'string') return `the station answered ${status}`;
      const text = JSON.stringify(outcome.payload);
      return `the station answered ${text.length > 300 ? `${text.slice(0, 297)}...` : text}`;
    }
    case 'error':
      return `the station answered CALLERROR ${outcome.errorCode}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''}`;
    case 'timeout':
      return `no answer within ${Math.round(outcome.waitedMs)} ms`;
    case 'closed':
      return 'the connection closed before the answer';
  }
}

/** The wrong-error-code-spelling defect: outgoing CALLERROR codes rewritten to their 1.6 spelling. */
export function respellingConnection(connection: SessionConnection, version: OcppVersion): SessionConnection {
  const kinds: RpcErrorKind[] = ['formatViolation', 'occurrenceConstraintViolation', 'rpcFrameworkError', 'messageTypeNotSupported'];
  const respell = new Map(kinds.map((k) => [errorCodeFor(version, k), errorCodeFor('1.6', k)]));
  return {
    id: connection.id,
    send: (text) => {
      let frame: unknown;
      try {
        frame = JSON.parse(text);
      } catch {
        connection.send(text);
        return;
      }
      if (Array.isArray(frame) && frame[0] === 4 && typeof frame[2] === 'string' && respell.has(frame[2])) {
        const parts = frame as unknown[];
        connection.send(JSON.stringify([4, parts[1], respell.get(frame[2]), ...parts.slice(3)]));
        return;
      }
      connection.send(text);
    },
    onText: (listener) => connection.onText(listener),
    onClose: (listener) => connection.onClose(listener),
    close: (code, reason) => connection.close(code, reason),
  };
}
