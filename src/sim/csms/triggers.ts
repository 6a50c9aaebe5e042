/**
 * What the CSMS simulator sends when asked to (the engine's `trigger*` DUT actions): the CALL of
 * the right version, built by the block module that owns the trigger (csms/v201/*, csms/v16/*)
 * with sensible defaults taken from the parameters and from what the simulator knows (its
 * tokens, the station's ongoing transaction, its counters). Pure: building a call never sends
 * it, so every default and every defect is testable without a socket.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { Call } from './block.js';
import { ParamError, Params } from './params.js';
import type { TokenBook } from './tokens.js';
import { csmsBlocksOf } from './version-blocks.js';

export { tokenDefects } from './tokens.js';

/** The trigger actions of src/engine/dut-adapter.ts `dutActions`, in its order. */
export const csmsTriggerActions = [
  'triggerReset',
  'triggerRequestStartTransaction',
  'triggerRequestStopTransaction',
  'triggerChangeAvailability',
  'triggerSetVariables',
  'triggerGetVariables',
  'triggerGetReport',
  'triggerTriggerMessage',
  'triggerSetChargingProfile',
  'triggerReserveNow',
  'triggerCancelReservation',
  'triggerUnlockConnector',
  'triggerClearCache',
  'triggerSendLocalList',
  'triggerGetLocalListVersion',
  'triggerDataTransfer',
  'triggerSetNetworkProfile',
  'triggerGetTransactionStatus',
  'triggerInstallCertificate',
  'triggerGetInstalledCertificateIds',
  'triggerDeleteCertificate',
  'triggerClearChargingProfile',
  'triggerGetChargingProfiles',
  'triggerGetCompositeSchedule',
  'triggerCustomerInformation',
  'triggerUpdateFirmware',
  'triggerGetDiagnostics',
  'triggerPublishFirmware',
  'triggerUnpublishFirmware',
  'triggerGetLog',
  'triggerSignedUpdateFirmware',
  'triggerCall',
] as const;
export type CsmsTriggerAction = (typeof csmsTriggerActions)[number];

export function isTriggerAction(name: string): name is CsmsTriggerAction {
  return (csmsTriggerActions as readonly string[]).includes(name);
}

export type CounterName = 'remoteStartId' | 'requestId' | 'chargingProfileId' | 'reservationId' | 'localListVersion';

/** What a trigger may know about the simulator and the station it addresses. */
export interface TriggerContext {
  version: OcppVersion;
  has(defect: string): boolean;
  tokens: TokenBook;
  /** The station's latest ongoing transaction id (1.6: the integer as a string). */
  ongoingTransactionId: string | undefined;
  /** The station's most recently ended transaction id. */
  endedTransactionId: string | undefined;
  lastReservationId: number | undefined;
  next(counter: CounterName): number;
  heartbeatIntervalS: number;
  vendorId: string;
  nowWallMs: number;
  /** What the CSMS learnt of this station's device model ("Component.Variable[Instance]"), if anything. */
  known?(key: string): string | undefined;
}

export type BuiltCall = { ok: true; action: string; payload: JsonObject; then?: Call['then'] } | { ok: false; reason: string };

/** Build the CALL a trigger makes the CSMS send, or say why it cannot be built. */
export function buildTriggerCall(ctx: TriggerContext, trigger: CsmsTriggerAction, params: Record<string, unknown>): BuiltCall {
  const p = new Params(params);
  try {
    return { ok: true, ...build(ctx, trigger, p) };
  } catch (err) {
    if (err instanceof ParamError) return { ok: false, reason: `${trigger}: ${err.message}` };
    throw err;
  }
}

function build(ctx: TriggerContext, trigger: CsmsTriggerAction, p: Params): Call {
  if (trigger === 'triggerCall') return rawCall(p);
  for (const block of csmsBlocksOf(ctx.version)) {
    const builder = block.triggers?.[trigger];
    if (builder) return builder(ctx, p);
  }
  throw new ParamError(`no OCPP ${ctx.version} block of the CSMS simulator builds ${trigger}`);
}

/** triggerCall: any CALL, as given (the escape hatch of the CSMS core). */
function rawCall(p: Params): Call {
  const action = p.str('action');
  if (action === undefined || action === '') throw new ParamError('parameter action (the CALL to send) is required');
  return { action, payload: p.obj('payload') ?? {} };
}
