/**
 * PICS applicability as data, so `list` can say *why* a case does not apply ("C-01 is false").
 * A condition names PICS items (2.0.1 Part 5: C-xx optional features, AQ-xx questions, HFS-x
 * hardware features; 1.6: feature profiles such as `FP-SmartCharging`) and combines them.
 */
export type PicsValue = boolean | number | string | string[];
export interface Pics {
  /** PICS items by id (C-01, AQ-3, HFS-1, FP-SmartCharging …). */
  items: Record<string, PicsValue>;
  /** Certification profiles the vendor claims (Core, Advanced Security, …). */
  certificationProfiles?: string[];
  /** No PICS was given: every selected case runs (conditions on declared items still apply). */
  claimAll?: boolean;
}

export type PicsCondition =
  | { item: string; equals?: PicsValue; includes?: string; atLeast?: number }
  | { all: PicsCondition[] }
  | { any: PicsCondition[] }
  | { not: PicsCondition };

export interface Applicability {
  applies: boolean;
  /** Why (not): the PICS items and values that decided, in words. */
  reason: string;
}

export function evaluate(condition: PicsCondition | undefined, pics: Pics): Applicability {
  if (!condition) return { applies: true, reason: 'unconditional' };
  if ('item' in condition) {
    const value = pics.items[condition.item];
    if (value === undefined) return { applies: false, reason: `PICS ${condition.item} is not declared` };
    let holds: boolean;
    let want: string;
    if (condition.atLeast !== undefined) {
      // A count such as HFS-8 (number of EVSEs): "more than one EVSE" is atLeast 2.
      holds = typeof value === 'number' && value >= condition.atLeast;
      want = `>= ${condition.atLeast}`;
    } else if (condition.includes !== undefined) {
      holds = Array.isArray(value) && value.includes(condition.includes);
      want = `includes ${condition.includes}`;
    } else if (condition.equals !== undefined) {
      holds = JSON.stringify(value) === JSON.stringify(condition.equals);
      want = `= ${JSON.stringify(condition.equals)}`;
    } else {
      holds = value === true;
      want = 'true';
    }
    return { applies: holds, reason: `PICS ${condition.item} = ${JSON.stringify(value)}${holds ? '' : ` (needs ${want})`}` };
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, pics));
    const failed = parts.filter((p) => !p.applies);
    return failed.length === 0 ? { applies: true, reason: parts.map((p) => p.reason).join(' and ') } : { applies: false, reason: failed.map((p) => p.reason).join(' and ') };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluate(c, pics));
    const ok = parts.find((p) => p.applies);
    return ok ? { applies: true, reason: ok.reason } : { applies: false, reason: `none of: ${parts.map((p) => p.reason).join('; ')}` };
  }
  const inner = evaluate(condition.not, pics);
  return { applies: !inner.applies, reason: `not (${inner.reason})` };
}

/** Every PICS item a condition mentions (for templates and listing). */
export function itemsOf(condition: PicsCondition | undefined): string[] {
  if (!condition) return [];
  if ('item' in condition) return [condition.item];
  if ('all' in condition) return condition.all.flatMap(itemsOf);
  if ('any' in condition) return condition.any.flatMap(itemsOf);
  return itemsOf(condition.not);
}

/** A condition in words for `list`: "not HW-FixedCable", "C-13 and (AQ-2 or AQ-3)". */
export function conditionText(c: PicsCondition): string {
  const inner = (x: PicsCondition): string => ('all' in x || 'any' in x ? `(${conditionText(x)})` : conditionText(x));
  if ('item' in c) return c.atLeast !== undefined ? `${c.item} >= ${c.atLeast}` : c.includes !== undefined ? `${c.item} includes ${c.includes}` : c.equals !== undefined ? `${c.item} = ${JSON.stringify(c.equals)}` : c.item;
  if ('all' in c) return c.all.map(inner).join(' and ');
  if ('any' in c) return c.any.map(inner).join(' or ');
  return `not ${inner(c.not)}`;
}
