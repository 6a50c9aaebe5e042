/**
 * The OCPP 2.0.1 charging station: the station core plus the device model, the EVSE model and
 * the functional blocks of blocks.ts, built from one context (context.ts). What is left here is
 * the core contract in 2.0.1 terms: the boot payload, the OCPPCommCtrlr timers, the statuses
 * after a boot or a reconnection, and the dispatch of CALLs and control actions to the blocks.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallHandler, CallRouter, OcppEndpoint } from '../../../session/endpoint.js';
import { SecurityRpcError } from '../../../session/rpc-error.js';
import type { ControlResult } from '../../types.js';
import { assembleBlocks, serviceOf, type BlockSet, type StationContext } from '../core/block.js';
import type { StationOptions } from '../core/options.js';
import { StationCore } from '../core/station-core.js';
import { coreVariables, inReportOrder, layoutVariables, type VariableSpec } from '../device-model-data.js';
import { DeviceModel } from '../device-model.js';
import { Outlet } from '../outlet.js';
import { blocks201 } from './blocks.js';
import type { AuthCacheApi, AuthorizationApi, CertificatesApi, CertificateSigningApi, Context201, FirmwareStatusApi, LogStatusApi, MeterValuesApi, ReservationsApi, Services201, TransactionsApi } from './context.js';
import { EvseModel, type EvseTarget } from './evse.js';

/**
 * One spec list per EVSE layout, shared by every station with that layout (issue #14: a fleet of
 * 10,000 stations holds one copy; DeviceModel keeps only each station's changed values).
 */
const specsByLayout = new Map<string, readonly VariableSpec[]>();
function specsForLayout(layout: readonly number[]): readonly VariableSpec[] {
  const key = layout.join(',');
  let specs = specsByLayout.get(key);
  if (specs === undefined) {
    specs = inReportOrder([...coreVariables, ...blocks201.flatMap((b) => b.variables ?? []), ...layoutVariables(layout)]);
    specsByLayout.set(key, specs);
  }
  return specs;
}

/** Part 2 B03.FR.08: while its BootNotification is Rejected the station answers every CSMS CALL with SecurityError. */
const notRegistered: CallHandler = () => {
  throw new SecurityRpcError('not registered: the CSMS rejected the BootNotification');
};

/** The block context as a class: its getters live on the prototype, shared by every station (issue #14). */
class BlockContext201 implements Context201 {
  constructor(
    readonly core: StationContext,
    readonly deviceModel: DeviceModel,
    readonly evses: EvseModel,
    private readonly services: Partial<Services201>,
  ) {}
  get transactions(): TransactionsApi {
    return serviceOf(this.services, 'transactions');
  }
  get authorization(): AuthorizationApi {
    return serviceOf(this.services, 'authorization');
  }
  get authCache(): AuthCacheApi {
    return serviceOf(this.services, 'authCache');
  }
  get meterValues(): MeterValuesApi {
    return serviceOf(this.services, 'meterValues');
  }
  get logStatus(): LogStatusApi {
    return serviceOf(this.services, 'logStatus');
  }
  get firmwareStatus(): FirmwareStatusApi {
    return serviceOf(this.services, 'firmwareStatus');
  }
  get certificates(): CertificatesApi {
    return serviceOf(this.services, 'certificates');
  }
  get certificateSigning(): CertificateSigningApi {
    return serviceOf(this.services, 'certificateSigning');
  }
  get reservations(): ReservationsApi {
    return serviceOf(this.services, 'reservations');
  }
}

export class Station201 extends StationCore {
  readonly actions: readonly string[];
  readonly deviceModel: DeviceModel;
  private readonly evses: EvseModel;
  private readonly blocks: BlockSet<EvseTarget>;
  /** The blocks' router behind the B03.FR.08 guard, made on the first connection. */
  private guardedRouter: CallRouter | undefined;

  constructor(options: StationOptions) {
    super(options);
    const layout = options.evses ?? [1];
    // Every block brings its controller's variables; reports list them in the usual component order.
    this.deviceModel = new DeviceModel(specsForLayout(layout));
    this.deviceModel.configure({
      'ChargingStation.Model': options.model ?? 'Reference Station',
      'ChargingStation.VendorName': options.vendor ?? 'ocpp-conform',
      'SecurityCtrlr.Identity': this.stationId,
      'OCPPCommCtrlr.RetryBackOffWaitMinimum': String(Math.max(0, Math.round(this.timers.reconnectBackoffMs / 1000))),
      ...(options.settings ?? {}),
    });
    const evses = layout.map((connectors, i) => ({
      outlet: new Outlet(i + 1, Array.from({ length: connectors }, (_, c) => c + 1), this.clock, this.powerW),
      reported: new Map<number, string>(),
    }));
    this.evses = new EvseModel(evses, this.context, this.deviceModel);
    this.deviceModel.onChange((component, variable) => {
      if (component === 'OCPPCommCtrlr' && variable === 'HeartbeatInterval') this.restartHeartbeat();
    });
    const services: Partial<Services201> = {};
    const context = new BlockContext201(this.context, this.deviceModel, this.evses, services);
    this.blocks = assembleBlocks(blocks201, context, services);
    this.actions = this.blocks.actionNamesWith(StationCore.coreActions);
  }

  /** Which block handles which CALL and adds which control action. */
  describeBlocks(): Array<{ block: string; handles: string[]; actions: string[] }> {
    return this.blocks.describe();
  }

  // ---- core contract ---------------------------------------------------------------------

  protected bootPayload(): JsonObject {
    return {
      reason: this.bootReason,
      chargingStation: {
        model: this.options.model ?? 'Reference Station',
        vendorName: this.options.vendor ?? 'ocpp-conform',
        ...(this.options.serialNumber ? { serialNumber: this.options.serialNumber } : {}),
        firmwareVersion: this.options.firmwareVersion ?? '1.0.0',
      },
    };
  }

  protected async onBootAccepted(): Promise<void> {
    for (const evse of this.evses.all) evse.reported.clear();
    await this.evses.reportAllStatuses(true);
  }

  protected async onReconnected(offlineMs: number): Promise<void> {
    // Part 2 B04 / Part 6 §2.1: report what changed while offline (everything after OfflineThreshold).
    if (this.has('no-status-after-reconnect')) return;
    await this.evses.reportAllStatuses(offlineMs > this.deviceModel.int('OCPPCommCtrlr', 'OfflineThreshold') * 1000);
  }

  protected installHandlers(ep: OcppEndpoint): void {
    this.blocks.install(ep);
    if (this.has('answers-calls-while-rejected')) return;
    this.guardedRouter ??= (action) => (this.bootState === 'Rejected' ? notRegistered : this.blocks.handler(action));
    ep.route(this.guardedRouter);
  }

  protected heartbeatIntervalS(): number {
    return this.deviceModel.int('OCPPCommCtrlr', 'HeartbeatInterval');
  }
  protected setHeartbeatIntervalS(seconds: number): void {
    this.deviceModel.setInternal({ name: 'OCPPCommCtrlr' }, { name: 'HeartbeatInterval' }, String(seconds));
  }
  protected txRetryPolicy(): { attempts: number; intervalMs: number } {
    return {
      attempts: Math.max(1, this.deviceModel.int('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent')),
      intervalMs: this.deviceModel.int('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent') * 1000,
    };
  }
  protected backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number } {
    return {
      minimumMs: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffWaitMinimum') * 1000 || this.timers.reconnectBackoffMs,
      repeatTimes: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffRepeatTimes'),
      randomRangeMs: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffRandomRange') * 1000,
    };
  }
  protected messageTimeoutMs(): number {
    return this.options.callTimeoutMs ?? this.deviceModel.int('OCPPCommCtrlr', 'MessageTimeout', 'Default') * 1000;
  }

  protected snapshotState(): JsonObject {
    return {
      evses: this.evses.all.map((e) => ({
        id: e.outlet.id,
        connectors: e.outlet.connectorIds.map((c) => ({ id: c, status: this.evses.statusOf(e, c) })),
        parked: e.outlet.parked,
        cableConnected: e.outlet.cableConnected,
        inoperative: e.outlet.inoperative,
        energyWh: e.outlet.energyWh(),
        authorized: e.authorized?.idToken.idToken ?? null,
        transaction: e.tx ? { id: e.tx.id, chargingState: e.tx.chargingState, seqNo: e.tx.nextSeqNo, ended: e.tx.ended } : null,
      })),
      deviceModel: this.deviceModel.dump(),
    };
  }

  protected async performAction(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    const evse = this.evses.forParams(params);
    if (!evse) return { done: false, reason: `no EVSE ${String(params['evseId'])}` };
    const connectorId = typeof params['connectorId'] === 'number' ? params['connectorId'] : evse.outlet.connectorIds[0] ?? 1;
    const run = this.blocks.action(action);
    if (!run) return { done: false, reason: `unknown action ${action}` };
    return run(params, { evse, connectorId });
  }
}
