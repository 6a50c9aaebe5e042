/** Typed reads of a trigger's loosely typed parameters (they come from JSON, a CLI, or a test case). */
import type { JsonObject } from '../../protocol/frames.js';

export class ParamError extends Error {}

export class Params {
  constructor(readonly raw: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new ParamError(`parameter ${name} must be a string`);
  }

  int(name: string): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new ParamError(`parameter ${name} must be an integer`);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const hit = allowed.find((a) => a === v) ?? aliases[v];
    if (hit === undefined) throw new ParamError(`parameter ${name} must be one of ${allowed.join(', ')} (got "${v}")`);
    return hit;
  }

  obj(name: string): JsonObject | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw new ParamError(`parameter ${name} must be an object`);
    return v as JsonObject;
  }

  list(name: string): unknown[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw new ParamError(`parameter ${name} must be an array`);
    return v as unknown[];
  }
}
