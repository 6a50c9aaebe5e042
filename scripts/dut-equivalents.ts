/**
 * Equivalent mutants of the DUT-mutation score (issue #10): dropping a field whose value is the one
 * the specification assumes when the field is omitted changes nothing a conforming peer may read,
 * so no case can (or should) kill it. Counting it would punish faithful cases.
 *
 * The defaults come from the official schemas' `default` keyword (2.0.1: e.g. MutabilityEnumType
 * "Default is ReadWrite when omitted", AttributeEnumType "Defaults to Actual if absent",
 * VariableAttributeType.persistent / constant "Default when omitted is false"); the 1.6 schemas
 * carry no defaults, so the one 1.6 rule the mutants meet is written out with its clause.
 */
import { builtinSchemaOf, type JsonSchema } from '../src/protocol/schemas.js';
import type { OcppVersion } from '../src/protocol/versions.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * OCPP 1.6 edition 2 §4.10 (Stop Transaction): "the Reason element MAY be omitted and the Reason
 * SHOULD be assumed 'Local'".
 */
const v16Defaults: Record<string, Record<string, Json>> = { StopTransaction: { reason: 'Local' } };

const asSchema = (v: unknown): JsonSchema | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined);

/** Follow a local `$ref` ("#/definitions/X") of the root schema. */
function resolve(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  const ref = s?.['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return s;
  let at: unknown = root;
  for (const part of ref.slice(2).split('/')) at = asSchema(at)?.[part];
  return asSchema(at);
}

/** The schema of the value at `path` inside a payload schema, or undefined. */
function schemaAt(root: JsonSchema, path: ReadonlyArray<string | number>): JsonSchema | undefined {
  let s: JsonSchema | undefined = resolve(root, root);
  for (const step of path) {
    if (!s) return undefined;
    s = typeof step === 'number' ? resolve(root, asSchema(s['items'])) : resolve(root, asSchema(asSchema(s['properties'])?.[step]));
  }
  return s;
}

/**
 * Whether dropping the field at `path` of a frame the DUT sent is an equivalent mutant: the
 * specification assumes exactly the value it had. A CALLRESULT does not name its action: `answered`
 * gives the action of the CALL it answers (by message id), or the frame is never judged equivalent.
 */
export function equivalentDrop(version: OcppVersion, frame: unknown, path: ReadonlyArray<string | number>, value: unknown, answered?: (messageId: string) => string | undefined): boolean {
  if (!Array.isArray(frame)) return false;
  const call = frame[0] === 2 && typeof frame[2] === 'string';
  const action = call ? (frame[2] as string) : frame[0] === 3 && typeof frame[1] === 'string' ? answered?.(frame[1]) : undefined;
  if (action === undefined) return false;
  const key = path.at(-1);
  if (version === '1.6') return call && path.length === 1 && typeof key === 'string' && v16Defaults[action]?.[key] === value;
  const root = builtinSchemaOf(version, action, call ? 'request' : 'response');
  if (!root) return false;
  const s = schemaAt(root, path);
  return s !== undefined && 'default' in s && s['default'] === value;
}
