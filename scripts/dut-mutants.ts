/**
 * The mutants of the DUT-mutation score (issue #10): from the DUT frames one clean run recorded,
 * the single changes a mutating proxy makes to one run each — a field's enum value to another one
 * the DUT uses for that field, a number ±1, an id swapped, a field dropped, a DUT message dropped,
 * two adjacent DUT messages swapped. Pure and deterministic (a seeded sample).
 */

/**
 * Which DUT frame a mutant means, robust to timing: the n-th frame of its kind (the n-th
 * MeterValues CALL, the n-th CALLRESULT), so a Heartbeat that comes earlier in the mutated run
 * does not shift the mutant onto another message.
 */
export interface FrameSig {
  sig: string;
  nth: number;
}

type Target = { frame: number; at?: FrameSig };

export type Mutation = Target &
  (
    | { kind: 'enum'; path: Array<string | number>; to: string }
    | { kind: 'number'; path: Array<string | number>; delta: 1 | -1 }
    | { kind: 'id'; path: Array<string | number>; to: string | number }
    | { kind: 'drop-field'; path: Array<string | number> }
    | { kind: 'drop-message' }
    | { kind: 'swap-messages'; next?: FrameSig }
  );

/** The kind of an OCPP-J frame text for `FrameSig`: `call:<Action>`, `result`, `error` or `other`. */
export function sigKind(text: string): string {
  try {
    const f = JSON.parse(text) as unknown;
    if (!Array.isArray(f)) return 'other';
    if (f[0] === 2 && typeof f[2] === 'string') return `call:${f[2]}`;
    return f[0] === 3 ? 'result' : f[0] === 4 ? 'error' : 'other';
  } catch {
    return 'other';
  }
}

/** Counts frames per kind as they come: each call gives the frame's `FrameSig`. */
export function sigCounter(): (text: string) => FrameSig {
  const counts = new Map<string, number>();
  return (text) => {
    const sig = sigKind(text);
    const nth = (counts.get(sig) ?? 0) + 1;
    counts.set(sig, nth);
    return { sig, nth };
  };
}

export interface RecordedFrame {
  /** Index among the DUT's frames of the run (0-based). */
  index: number;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const enumLike = /^[A-Z][A-Za-z0-9]*$/;
const idKey = /(^id$|Id$|^idToken$|^idTag$|^messageId$)/;
/** Fields the documents judge with a tolerance or not at all: a mutant there says nothing about the case. */
const careless = /^(timestamp|currentTime|generatedAt|meterStart|meterStop|firmwareVersion|serialNumber|vendorName|model|chargePointVendor|chargePointModel|customData)$/;

function leaves(value: Json, path: Array<string | number>, out: Array<{ path: Array<string | number>; value: Json }>): void {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
    else for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
    return;
  }
  out.push({ path, value });
}

const keyOf = (path: Array<string | number>): string => String([...path].reverse().find((p) => typeof p === 'string') ?? '');

/** The payload of an OCPP-J frame: CALL [2,id,action,payload] or CALLRESULT [3,id,payload]. */
function payloadOf(frame: Json): { at: number; payload: Json } | undefined {
  if (!Array.isArray(frame)) return undefined;
  if (frame[0] === 2 && frame.length >= 4) return { at: 3, payload: frame[3] as Json };
  if (frame[0] === 3 && frame.length >= 3) return { at: 2, payload: frame[2] as Json };
  return undefined;
}

/**
 * `equivalentDrop` says when dropping a field is no change at all (the value the specification
 * assumes when it is omitted, scripts/dut-equivalents.ts): such a mutant is not made.
 */
export function mutantsOf(frames: readonly RecordedFrame[], options: { equivalentDrop?: (frame: unknown, path: ReadonlyArray<string | number>, value: unknown) => boolean } = {}): Mutation[] {
  const parsed = frames.map((f) => {
    try {
      return JSON.parse(f.text) as Json;
    } catch {
      return undefined;
    }
  });
  // Values the DUT itself uses for each field name: the pool for enum and id mutants.
  const seen = new Map<string, Set<string | number>>();
  parsed.forEach((frame) => {
    const p = frame === undefined ? undefined : payloadOf(frame);
    if (!p) return;
    const all: Array<{ path: Array<string | number>; value: Json }> = [];
    leaves(p.payload, [], all);
    for (const l of all) if (typeof l.value === 'string' || typeof l.value === 'number') seen.set(keyOf(l.path), (seen.get(keyOf(l.path)) ?? new Set()).add(l.value));
  });
  const out: Mutation[] = [];
  parsed.forEach((frame, i) => {
    const index = frames[i]?.index ?? i;
    out.push({ kind: 'drop-message', frame: index });
    if (i + 1 < frames.length) out.push({ kind: 'swap-messages', frame: index });
    const p = frame === undefined ? undefined : payloadOf(frame);
    if (!p) return;
    const all: Array<{ path: Array<string | number>; value: Json }> = [];
    leaves(p.payload, [], all);
    for (const l of all) {
      const key = keyOf(l.path);
      if (careless.test(key)) continue;
      if (!options.equivalentDrop?.(frame, l.path, l.value)) out.push({ kind: 'drop-field', frame: index, path: l.path });
      const pool = [...(seen.get(key) ?? [])].filter((v) => v !== l.value);
      if (idKey.test(key)) {
        out.push({ kind: 'id', frame: index, path: l.path, to: pool[0] ?? (typeof l.value === 'number' ? l.value + 1000 : `${typeof l.value === 'string' ? l.value : JSON.stringify(l.value)}-other`) });
      } else if (typeof l.value === 'number') {
        out.push({ kind: 'number', frame: index, path: l.path, delta: 1 }, { kind: 'number', frame: index, path: l.path, delta: -1 });
      } else if (typeof l.value === 'string' && enumLike.test(l.value) && typeof pool[0] === 'string') {
        out.push({ kind: 'enum', frame: index, path: l.path, to: pool[0] });
      }
    }
  });
  return out;
}

/** Apply a field mutant to one frame's text (message mutants are the proxy's business). */
export function mutateText(text: string, m: Mutation): string {
  if (m.kind === 'drop-message' || m.kind === 'swap-messages') return text;
  const frame = JSON.parse(text) as Json;
  const p = payloadOf(frame);
  if (!p || !Array.isArray(frame)) return text;
  let parent: Json = p.payload;
  // The frame at that index may differ from the clean run's (timing): a path it lacks leaves it as is (the mutant did not run).
  for (const step of m.path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return text;
    parent = (parent as Record<string | number, Json>)[step] as Json;
  }
  const last = m.path.at(-1);
  if (last === undefined || parent === null || typeof parent !== 'object' || !(last in parent)) return text;
  const holder = parent as Record<string | number, Json>;
  if (m.kind === 'drop-field') {
    if (Array.isArray(holder)) (holder as Json[]).splice(Number(last), 1);
    else delete holder[last];
  } else if (m.kind === 'number') holder[last] = (holder[last] as number) + m.delta;
  else holder[last] = m.to;
  return JSON.stringify(frame);
}

export function describeMutation(m: Mutation): string {
  const where = 'path' in m ? ` ${m.path.join('.')}` : '';
  const which = m.at ? ` (${m.at.sig.replace(/^call:/, '')} #${m.at.nth})` : '';
  switch (m.kind) {
    case 'enum':
      return `DUT frame ${m.frame}${which}:${where} → ${m.to}`;
    case 'number':
      return `DUT frame ${m.frame}${which}:${where} ${m.delta > 0 ? '+1' : '−1'}`;
    case 'id':
      return `DUT frame ${m.frame}${which}:${where} swapped to ${String(m.to)}`;
    case 'drop-field':
      return `DUT frame ${m.frame}${which}:${where} dropped`;
    case 'drop-message':
      return `DUT frame ${m.frame}${which} dropped`;
    case 'swap-messages':
      return `DUT frames ${m.frame}${which} and ${m.frame + 1}${m.next ? ` (${m.next.sig.replace(/^call:/, '')} #${m.next.nth})` : ''} swapped`;
  }
}

/** A seeded sample of `n` (mulberry32), in a stable order. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, Math.min(n, copy.length));
}
