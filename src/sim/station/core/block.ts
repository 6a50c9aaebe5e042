/**
 * The shape of a functional-block module (after EVerest libocpp `functional_blocks/*`): built
 * from one shared context, it registers the CALL handlers of its block (by action), the control
 * actions it adds, and declares the defects that break its behaviour. A block reads or changes
 * shared state only through the context it is given, never through another block's module.
 */
import type { Clock } from '../../../clock.js';
import { HarnessError } from '../../../errors.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallHandler, CallOutcome, CallRouter, OcppEndpoint } from '../../../session/endpoint.js';
import type { DefectDecl } from '../../defect-registry.js';
import type { ControlResult } from '../../types.js';
import type { AuthStore } from '../auth.js';
import type { EventBus, StationEvents } from './bus.js';
import type { ConnectionPlanner } from './link.js';
import type { QueueFilter, QueuedMessage } from './message-queue.js';
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
  /** Watch (or, for a defect, change or drop) every transaction message before it is queued. */
  interceptQueue(filter: QueueFilter): void;
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
  /** Where the link dials from now on (2.0.1 block B: NetworkConfigurationPriority, B10). */
  useConnectionPlanner(planner: ConnectionPlanner): void;
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
  let providers: Map<string, string> | undefined;
  for (const { name, instance } of built) {
    if (instance.provides === undefined) continue;
    for (const key of Object.keys(instance.provides)) {
      providers ??= new Map();
      const owner = providers.get(key);
      if (owner) throw new HarnessError('E_INTERNAL', `station blocks ${owner} and ${name} both provide ${key}`);
      providers.set(key, name);
      Object.assign(services, { [key]: (instance.provides as Record<string, unknown>)[key] });
    }
  }
  return new BlockSet(built, modules);
}

/** A service of the context's table, or our bug when no block of the list provides it. */
export function serviceOf<Services extends object, K extends keyof Services>(services: Partial<Services>, key: K): NonNullable<Services[K]> {
  const api = services[key];
  if (api === undefined || api === null) throw new HarnessError('E_INTERNAL', `no station block provides ${String(key)}`);
  return api;
}

/**
 * Which block (by position in the list) handles which CALL and adds which control action. It is
 * the same for every station built from one block list, so a fleet holds it once (issue #14: per
 * station maps of every handler and action were kilobytes of the ~17 KB a station cost before it
 * connected); a station keeps only its block instances.
 */
interface BlockIndex {
  /** Block names, handled CALLs and control actions in order: a station whose blocks differ gets its own index. */
  readonly signature: string;
  readonly handlerBlock: ReadonlyMap<string, number>;
  readonly actionBlock: ReadonlyMap<string, number>;
  readonly actionNames: readonly string[];
  /** actionNames followed by a caller's own (e.g. the core's), built once per list of extras. */
  readonly withExtras: WeakMap<readonly string[], readonly string[]>;
}

/** Shared indexes by block-module list (one per version's list: blocks201, blocks16). */
const sharedIndexes = new WeakMap<object, BlockIndex>();

type BuiltBlock<Target> = { name: string; instance: BlockInstance<Target, unknown> };

function signatureOf<T>(blocks: ReadonlyArray<BuiltBlock<T>>): string {
  let out = '';
  for (const { name, instance } of blocks) out += `${name}(${Object.keys(instance.handlers ?? {}).join(',')}|${Object.keys(instance.actions ?? {}).join(',')})`;
  return out;
}

function buildIndex<T>(blocks: ReadonlyArray<BuiltBlock<T>>, signature: string): BlockIndex {
  const handlerBlock = new Map<string, number>();
  const actionBlock = new Map<string, number>();
  blocks.forEach(({ name, instance }, i) => {
    for (const action of Object.keys(instance.handlers ?? {})) {
      const owner = handlerBlock.get(action);
      if (owner !== undefined) throw new HarnessError('E_INTERNAL', `station blocks ${blocks[owner]?.name} and ${name} both handle ${action}`);
      handlerBlock.set(action, i);
    }
    for (const action of Object.keys(instance.actions ?? {})) {
      const owner = actionBlock.get(action);
      if (owner !== undefined) throw new HarnessError('E_INTERNAL', `station blocks ${blocks[owner]?.name} and ${name} both add the control action ${action}`);
      actionBlock.set(action, i);
    }
  });
  return { signature, handlerBlock, actionBlock, actionNames: Object.freeze([...actionBlock.keys()]), withExtras: new WeakMap() };
}

/** The blocks of one station, with their handlers and actions indexed; a name used twice is our bug. */
export class BlockSet<Target> {
  private readonly blocks: ReadonlyArray<BuiltBlock<Target>>;
  private readonly index: BlockIndex;
  private router: CallRouter | undefined;

  /** `shareKey`: the module list the blocks were built from; stations of one list share its index. */
  constructor(blocks: ReadonlyArray<BuiltBlock<Target>>, shareKey?: object) {
    this.blocks = blocks;
    const signature = signatureOf(blocks);
    const shared = shareKey === undefined ? undefined : sharedIndexes.get(shareKey);
    if (shared !== undefined && shared.signature === signature) {
      this.index = shared;
    } else {
      this.index = buildIndex(blocks, signature);
      if (shareKey !== undefined && shared === undefined) sharedIndexes.set(shareKey, this.index);
    }
  }

  /** The endpoint asks this set for the blocks' handlers (no copy per connection); `handle` still wins. */
  install(endpoint: OcppEndpoint): void {
    this.router ??= (action) => this.handler(action);
    endpoint.route(this.router);
  }

  handler(action: string): CallHandler | undefined {
    const i = this.index.handlerBlock.get(action);
    return i === undefined ? undefined : this.blocks[i]?.instance.handlers?.[action];
  }

  action(name: string): ControlAction<Target> | undefined {
    const i = this.index.actionBlock.get(name);
    return i === undefined ? undefined : this.blocks[i]?.instance.actions?.[name];
  }

  get actionNames(): string[] {
    return [...this.index.actionNames];
  }

  /** The block actions followed by `extras`, one shared array per (block list, extras). */
  actionNamesWith(extras: readonly string[]): readonly string[] {
    let names = this.index.withExtras.get(extras);
    if (names === undefined) this.index.withExtras.set(extras, (names = Object.freeze([...this.index.actionNames, ...extras])));
    return names;
  }

  /** Which block handles which CALL and adds which control action (structural tests, docs). */
  describe(): Array<{ block: string; handles: string[]; actions: string[] }> {
    const out = new Map<string, { block: string; handles: string[]; actions: string[] }>();
    const entry = (i: number): { block: string; handles: string[]; actions: string[] } => {
      const block = this.blocks[i]?.name ?? '?';
      const e = out.get(block) ?? { block, handles: [], actions: [] };
      out.set(block, e);
      return e;
    };
    for (const [action, i] of this.index.handlerBlock) entry(i).handles.push(action);
    for (const [action, i] of this.index.actionBlock) entry(i).actions.push(action);
    return [...out.values()];
  }
}

/** A string parameter of a control action, or the fallback. */
export function textParam(params: Record<string, unknown>, name: string, fallback = ''): string {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}
