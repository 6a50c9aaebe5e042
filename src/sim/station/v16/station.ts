/**
 * The OCPP 1.6 charge point: the station core plus the configuration keys, the connector model
 * and the profile modules of blocks.ts, built from one context (context.ts). What is left here is
 * the core contract in 1.6 terms: the boot payload, the timers from configuration keys, the
 * statuses after a boot or a reconnection, and the dispatch to the modules.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { OcppEndpoint } from '../../../session/endpoint.js';
import type { ControlResult } from '../../types.js';
import { ConfigKeys } from '../config-keys.js';
import { assembleBlocks, serviceOf, type BlockSet, type StationContext } from '../core/block.js';
import type { StationOptions } from '../core/options.js';
import { StationCore } from '../core/station-core.js';
import { Outlet } from '../outlet.js';
import { blocks16 } from './blocks.js';
import { ConnectorModel, type Connector } from './connector.js';
import type { Authorization16Api, Context16, MeterValues16Api, Services16, Transactions16Api } from './context.js';

/** The profile context as a class: its getters live on the prototype, shared by every station (issue #14). */
class BlockContext16 implements Context16 {
  constructor(
    readonly core: StationContext,
    readonly config: ConfigKeys,
    readonly connectors: ConnectorModel,
    private readonly services: Partial<Services16>,
  ) {}
  get transactions(): Transactions16Api {
    return serviceOf(this.services, 'transactions');
  }
  get authorization(): Authorization16Api {
    return serviceOf(this.services, 'authorization');
  }
  get meterValues(): MeterValues16Api {
    return serviceOf(this.services, 'meterValues');
  }
}

export class Station16 extends StationCore {
  readonly actions: readonly string[];
  readonly config: ConfigKeys;
  private readonly connectors: ConnectorModel;
  private readonly blocks: BlockSet<Connector>;

  constructor(options: StationOptions) {
    super(options);
    const count = options.connectors ?? 1;
    // Every profile module brings its configuration keys (Core first, as 1.6 chapter 9 lists them).
    this.config = new ConfigKeys(blocks16.flatMap((b) => b.configKeys?.(count) ?? []));
    this.config.configure(options.settings ?? {});
    this.connectors = new ConnectorModel(
      Array.from({ length: count }, (_, i) => ({ outlet: new Outlet(i + 1, [i + 1], this.clock, this.powerW), finishing: false })),
      this.context,
    );
    this.config.onChange((key) => {
      if (key === 'HeartbeatInterval') this.restartHeartbeat();
    });
    const services: Partial<Services16> = {};
    const context = new BlockContext16(this.context, this.config, this.connectors, services);
    this.blocks = assembleBlocks(blocks16, context, services);
    this.actions = this.blocks.actionNamesWith(StationCore.coreActions);
  }

  /** Which module handles which CALL and adds which control action. */
  describeBlocks(): Array<{ block: string; handles: string[]; actions: string[] }> {
    return this.blocks.describe();
  }

  // ---- core contract ---------------------------------------------------------------------

  protected bootPayload(): JsonObject {
    return {
      chargePointVendor: this.options.vendor ?? 'ocpp-conform',
      chargePointModel: this.options.model ?? 'Reference Station',
      ...(this.options.serialNumber ? { chargePointSerialNumber: this.options.serialNumber } : {}),
      firmwareVersion: this.options.firmwareVersion ?? '1.0.0',
    };
  }

  protected async onBootAccepted(): Promise<void> {
    await this.connectors.reportStation();
    for (const c of this.connectors.all) c.reported = undefined;
    for (const c of this.connectors.all) await this.connectors.report(c, true);
  }

  protected async onReconnected(): Promise<void> {
    for (const c of this.connectors.all) await this.connectors.report(c, false);
  }

  protected installHandlers(ep: OcppEndpoint): void {
    this.blocks.install(ep);
  }

  protected heartbeatIntervalS(): number {
    return this.config.int('HeartbeatInterval');
  }
  protected setHeartbeatIntervalS(seconds: number): void {
    this.config.configure({ HeartbeatInterval: String(seconds) });
  }
  protected txRetryPolicy(): { attempts: number; intervalMs: number } {
    return { attempts: Math.max(1, this.config.int('TransactionMessageAttempts')), intervalMs: this.config.int('TransactionMessageRetryInterval') * 1000 };
  }
  protected backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number } {
    return { minimumMs: this.timers.reconnectBackoffMs, repeatTimes: 3, randomRangeMs: 0 };
  }
  protected messageTimeoutMs(): number {
    return this.options.callTimeoutMs ?? 30_000;
  }

  protected snapshotState(): JsonObject {
    return {
      connectors: this.connectors.all.map((c) => ({
        id: c.outlet.id,
        status: this.connectors.statusOf(c),
        cableConnected: c.outlet.cableConnected,
        energyWh: c.outlet.energyWh(),
        authorized: c.authorized?.idTag ?? null,
        transaction: c.tx ? { localId: c.tx.localId, transactionId: c.tx.transactionId ?? null, idTag: c.tx.idTag, stopped: c.tx.stopped } : null,
      })),
      configuration: this.config.dump(),
    };
  }

  protected async performAction(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    const id = typeof params['connectorId'] === 'number' ? params['connectorId'] : typeof params['evseId'] === 'number' ? params['evseId'] : 1;
    // connectorId 0 is the charge point as a whole (1.6 §4.9): the action gets connector 1 and reads params itself.
    const c = this.connectors.byId(id === 0 ? 1 : id);
    if (!c) return { done: false, reason: `no connector ${id}` };
    const run = this.blocks.action(action);
    if (!run) return { done: false, reason: `unknown action ${action}` };
    return run(params, c);
  }
}
