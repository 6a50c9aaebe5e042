/**
 * A finding is one observation about what crossed the wire: validation is an observation, not a
 * gate (STYLE.md practice 2). Findings never drop the frame they are about; they carry the layer
 * that produced them so a report can say "schema" vs "format" vs "semantics".
 */
export const findingLayers = ['framing', 'schema', 'format', 'semantics', 'timing', 'transport'] as const;
export type FindingLayer = (typeof findingLayers)[number];

/** `error`: a non-conformance. `warning`: allowed by the text we have, but suspicious or known to be rejected by OCTT. */
export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  layer: FindingLayer;
  severity: FindingSeverity;
  /** Stable machine code, dotted: `schema.required`, `format.dateTime.fraction`, `session.secondCall`. */
  code: string;
  /** One sentence a person can act on. */
  message: string;
  /** JSON pointer into the payload, when the finding is about one field. */
  path?: string;
  /** The OCPP action the frame belongs to, when known. */
  action?: string;
  /** The OCPP-J message id of the frame, when readable. */
  messageId?: string;
  /** Sequence number of the frame in the wire log (transport/wire-log.ts), when the finding is about one frame. */
  frameSeq?: number;
  /** Connection the frame travelled on. */
  connectionId?: string;
  /** Whether the frame came from the peer ('in') or was sent by us ('out'), seen from the endpoint that recorded it. */
  direction?: 'in' | 'out';
}

export function finding(
  layer: FindingLayer,
  code: string,
  message: string,
  extra: Partial<Omit<Finding, 'layer' | 'code' | 'message'>> = {},
): Finding {
  return { layer, severity: extra.severity ?? 'error', code, message, ...extra };
}
