/**
 * The one walk over peer-supplied JSON. A DUT decides how deep its frames nest (a DataTransfer
 * `data` is anyType in every version), so nothing that inspects a frame may recurse on the call
 * stack: a 10 KB frame nested 5,000 deep used to overflow it in the secret masking (issue #12).
 * This walk keeps its own stack, stops descending at `maxDepth`, and says so — the caller turns
 * "too deep to inspect" into a finding or a textual fallback, never a crash.
 */

/** Deeper than any OCPP message the official schemas describe (they nest fewer than 10 levels). */
export const maxInspectDepth = 256;

export type JsonContainer = Record<string, unknown> | unknown[];

export interface WalkNode {
  value: unknown;
  /** The container holding the value (undefined for the root) and the key or index in it. */
  parent: JsonContainer | undefined;
  key: string | number | undefined;
  /** 0 for the root. */
  depth: number;
}

/** What a visitor returns: `skip` does not descend into this node's children. */
export type WalkControl = 'skip' | undefined | void;

export interface WalkResult {
  /** False when some node deeper than `maxDepth` was not visited. */
  complete: boolean;
}

/**
 * Visit every node pre-order (a parent before its children, children in key / index order),
 * iteratively. The visitor may replace `node.parent[node.key]`; children are read after the
 * visitor ran, so a replaced container is walked as replaced.
 */
export function walkJson(root: unknown, visit: (node: WalkNode) => WalkControl, options: { maxDepth?: number } = {}): WalkResult {
  const maxDepth = options.maxDepth ?? maxInspectDepth;
  const stack: WalkNode[] = [{ value: root, parent: undefined, key: undefined, depth: 0 }];
  let complete = true;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visit(node) === 'skip') continue;
    const current = node.parent === undefined ? node.value : readChild(node.parent, node.key);
    if (current === null || typeof current !== 'object') continue;
    if (node.depth >= maxDepth) {
      complete = false;
      continue;
    }
    const depth = node.depth + 1;
    // Pushed in reverse so they pop in order.
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], parent: current, key: i, depth });
    } else {
      const obj = current as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ value: obj[k], parent: obj, key: k, depth });
      }
    }
  }
  return { complete };
}

function readChild(parent: JsonContainer, key: string | number | undefined): unknown {
  if (key === undefined) return undefined;
  return Array.isArray(parent) ? parent[key as number] : parent[key as string];
}

/**
 * How deep JSON text nests, read from the text alone (brackets outside strings), stopping early
 * once `limit` is passed. Cheap enough for every frame and safe for any input, JSON or not.
 */
export function textDepthExceeds(text: string, limit = maxInspectDepth): boolean {
  // Deeper than `limit` takes more than `limit` opening brackets: a shorter text cannot be.
  if (text.length <= limit) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump over the string (issue #14: most of a frame's text): to the next quote that an odd
      // run of backslashes does not escape. An unterminated string hides the rest, as before.
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escapedAt(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Whether the character at `at` is escaped: preceded by an odd number of backslashes. */
function escapedAt(text: string, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) n++;
  return n % 2 === 1;
}
