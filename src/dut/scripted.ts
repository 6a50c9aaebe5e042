/**
 * The scripted adapter: a function (or one function per action) performs each DUT action in
 * process. Integration tests use it to drive a peer directly; in-process peers (the built-in
 * simulators' control APIs) plug in through it. A script that throws is a harness bug: the
 * error propagates, it is not turned into "not done".
 */
import type { DutActionName, DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';

export type DutScript = (request: DutActionRequest, signal: AbortSignal) => DutActionResult | Promise<DutActionResult>;
export type DutScriptHandlers = Partial<Record<DutActionName, DutScript>>;

export class ScriptedAdapter implements DutAdapter {
  readonly kind: string;
  /** Every request received, in order (for assertions). */
  readonly performed: DutActionRequest[] = [];
  private readonly script: DutScript | DutScriptHandlers;

  constructor(script: DutScript | DutScriptHandlers, options: { kind?: string } = {}) {
    this.script = script;
    this.kind = options.kind ?? 'scripted';
  }

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (signal.aborted) return { done: false, reason: 'aborted before the action started' };
    this.performed.push(request);
    const handler = typeof this.script === 'function' ? this.script : handlerFor(this.script, request.action);
    if (!handler) return { done: false, reason: `the script has no step for ${request.action}` };
    return handler(request, signal);
  }
}

function handlerFor(handlers: DutScriptHandlers, action: DutActionName): DutScript | undefined {
  return Object.hasOwn(handlers, action) ? handlers[action] : undefined;
}
