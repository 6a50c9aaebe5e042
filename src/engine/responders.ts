/**
 * How the harness answers the DUT's CALLs: a default per action (the harness's own CSMS or
 * station behaviour) and per-case overrides that vanish when the case ends. Installed on every
 * endpoint the link opens, so an override survives the DUT reconnecting mid-case.
 */
import type { JsonObject } from '../protocol/frames.js';
import type { CallHandler, InboundCall, OcppEndpoint } from '../session/endpoint.js';
import { NotImplementedError, NotSupportedError } from '../session/rpc-error.js';

export class Responders {
  private readonly defaults = new Map<string, CallHandler>();
  private readonly overrides = new Map<string, CallHandler>();

  constructor(private readonly isKnownAction: (action: string) => boolean = () => true) {}

  setDefault(action: string, handler: CallHandler): this {
    this.defaults.set(action, handler);
    return this;
  }

  override(action: string, handler: CallHandler): void {
    this.overrides.set(action, handler);
  }

  clearOverrides(): void {
    this.overrides.clear();
  }

  dispatch(call: InboundCall): JsonObject | Promise<JsonObject> {
    const handler = this.overrides.get(call.action) ?? this.defaults.get(call.action);
    if (handler) return handler(call);
    if (this.isKnownAction(call.action)) throw new NotSupportedError(`${call.action} is not supported by the harness here`);
    throw new NotImplementedError(`${call.action} is not implemented`);
  }

  install(endpoint: OcppEndpoint): void {
    endpoint.handleDefault((call) => this.dispatch(call));
  }
}
