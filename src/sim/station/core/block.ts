/**
 * The shape of a functional-block module (after EVerest libocpp `functional_blocks/*`): built
 * from one shared context, it registers the CALL handlers of its block (by action), the control
 * actions it adds, and declares the defects that break its behaviour. A block reads or changes
 * shared state only through the context it is given, never through another block's module.
 */
import type { Clock } from '../../../clock.js';
import { HarnessError } from '../../../errors.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallHandler, CallOutcome, OcppEndpoint } from '../../../session/endpoint.js';
import type { DefectDecl } from '../../defect-registry.js';
import type { ControlResult } from '../../types.js';
import type { AuthStore } from '../auth.js';
import type { EventBus, StationEvents } from './bus.js';
import type { QueuedMessage } from './message-queue.js';
import type { StationOptions, StationTimers, StationVersion } from './options.js';


/** What the station core offers every block, whatever the version. */
export interface StationContext {
  readonly version: StationVersion;
  readonly stationId: string;
  readonly options: StationOptions;
  readonly clock: Clock;
  readonly timers: StationTimers;
  /** Authorization cache and local list (shared by blocks C and D). */
  readonly auth: AuthStore;
  readonly bus: EventBus<StationEvents>;
  readonly online: boolean;
  readonly accepted: boolean;
  readonly queueLength: number;
  /** Why the current (or next) BootNotification is sent: PowerUp, RemoteReset, Triggered … */
  readonly bootReason: string;
  /** A switched-on defect or quirk (the names are disjoint: test/sim/quirks.test.ts). */
  has(defect: string): boolean;
  nowIso(): string;
  newId(): string;
  /** Resolves true after `ms`, false when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** A CALL that is not queued (dropped offline, and before Accepted unless `anyState`). */
  send(action: string, payload: JsonObject, options?: { anyState?: boolean }): Promise<CallOutcome | undefined>;
  /** A transaction message: queued, kept offline, retried. */
  enqueue(message: Omit<QueuedMessage, 'attempts'>): void;
  hasQueued(txId: string): boolean;
  drainQueue(maxMs: number): Promise<void>;
  /** Retry the boot now (TriggerMessage BootNotification while not Accepted); false when not booting. */
  triggerBoot(): boolean;
  /** Why the next BootNotification is sent (2.0.1 BootReasonEnumType). */
  setBootReason(reason: string): void;
  bootPayload(): JsonObject;
  /** Announce a reboot or power loss to every block (bus `powerDown`). */
  powerDown(kind: 'reset' | 'powerLoss', resetType?: string): void;
  reboot(reason: string): Promise<void>;
  restartHeartbeat(): void;
}

/** A control action of a block; `Target` is the EVSE (2.0.1) or connector (1.6) it addresses. */
export type ControlAction<Target> = (params: Record<string, unknown>, target: Target) => Promise<ControlResult>;

export interface BlockInstance<Target, Services> {
  /** CSMS → station CALLs this block answers, by action. */
  readonly handlers?: Readonly<Record<string, CallHandler>>;
  /** Control actions this block adds (the engine's DUT action names). */
  readonly actions?: Readonly<Record<string, ControlAction<Target>>>;
  /** The typed interface other blocks use to reach this block's behaviour (through the context). */
  readonly provides?: Partial<Services>;
}

export interface BlockModule<Context, Target, Services> {
  /** The testcases/ folder name without its letter (2.0.1) or the 1.6 feature profile. */
  readonly name: string;
  readonly defects: readonly DefectDecl[];
  /** Compliant-but-different behaviours of this block (src/sim/quirk-registry.ts), switched on like defects. */
  readonly quirks?: readonly DefectDecl[];
  create(context: Context): BlockInstance<Target, Services>;
}

/**
 * Build every block of a version from one context. `services` is the context's service table:
 * filled here from what the blocks provide, read by the blocks only when they act (never while
 * being built), so the list order does not limit who may use whom.
 */
export function assembleBlocks<Context, Target, Services extends object>(
  modules: ReadonlyArray<BlockModule<Context, Target, Services>>,
  context: Context,
  services: Partial<Services>,
): BlockSet<Target> {
  const built = modules.map((m) => ({ name: m.name, instance: m.create(context) }));
  const providers = new Map<string, string>();
  for (const { name, instance } of built) {
    for (const [key, api] of Object.entries(instance.provides ?? {})) {
      const owner = providers.get(key);
      if (owner) throw new HarnessError('E_INTERNAL', `station blocks ${owner} and ${name} both provide ${key}`);
      providers.set(key, name);
      Object.assign(services, { [key]: api });
    }
  }
  return new BlockSet(built);
}

/** A service of the context's table, or our bug when no block of the list provides it. */
export function serviceOf<Services extends object, K extends keyof Services>(services: Partial<Services>, key: K): NonNullable<Services[K]> {
  const api = services[key];
  if (api === undefined || api === null) throw new HarnessError('E_INTERNAL', `no station block provides ${String(key)}`);
  return api;
}

/** The blocks of one station, with their handlers and actions indexed; a name used twice is our bug. */
export class BlockSet<Target> {
  private readonly handlerOwners = new Map<string, { block: string; handler: CallHandler }>();
  private readonly actionOwners = new Map<string, { block: string; action: ControlAction<Target> }>();

  constructor(blocks: ReadonlyArray<{ name: string; instance: BlockInstance<Target, unknown> }>) {
    for (const { name, instance } of blocks) {
      for (const [action, handler] of Object.entries(instance.handlers ?? {})) {
        const owner = this.handlerOwners.get(action);
        if (owner) throw new HarnessError('E_INTERNAL', `station blocks ${owner.block} and ${name} both handle ${action}`);
        this.handlerOwners.set(action, { block: name, handler });
      }
      for (const [action, run] of Object.entries(instance.actions ?? {})) {
        const owner = this.actionOwners.get(action);
        if (owner) throw new HarnessError('E_INTERNAL', `station blocks ${owner.block} and ${name} both add the control action ${action}`);
        this.actionOwners.set(action, { block: name, action: run });
      }
    }
  }

  install(endpoint: OcppEndpoint): void {
    for (const [action, { handler }] of this.handlerOwners) endpoint.handle(action, handler);
  }

  action(name: string): ControlAction<Target> | undefined {
    return this.actionOwners.get(name)?.action;
  }

  get actionNames(): string[] {
    return [...this.actionOwners.keys()];
  }

  /** Which block handles which CALL and adds which control action (structural tests, docs). */
  describe(): Array<{ block: string; handles: string[]; actions: string[] }> {
    const out = new Map<string, { block: string; handles: string[]; actions: string[] }>();
    const entry = (block: string): { block: string; handles: string[]; actions: string[] } => {
      const e = out.get(block) ?? { block, handles: [], actions: [] };
      out.set(block, e);
      return e;
    };
    for (const [action, { block }] of this.handlerOwners) entry(block).handles.push(action);
    for (const [action, { block }] of this.actionOwners) entry(block).actions.push(action);
    return [...out.values()];
  }
}

/** A string parameter of a control action, or the fallback. */
export function textParam(params: Record<string, unknown>, name: string, fallback = ''): string {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}
