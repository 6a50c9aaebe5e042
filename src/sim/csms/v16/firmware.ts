/**
 * Firmware Management profile (1.6 §4.4, §4.5, §5.9, §5.19): the UpdateFirmware and GetDiagnostics
 * triggers, and the answers to the diagnostics and firmware status notifications. The location is
 * the one the operator gives (params.location: the "Firmware Download URL from test data" of OCTT
 * 1.6 TC_044_x_CSMS, the log location of TC_045_x_CSMS); retrieveDate is now unless given;
 * retries / retryInterval are sent when given.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { InternalRpcError } from '../../../session/rpc-error.js';
import { empty, type CsmsBlock } from '../block.js';
import { ParamError, type Params } from '../params.js';

function location(p: Params): string {
  const v = p.str('location');
  if (v === undefined || v === '') throw new ParamError('parameter location (the URL to download from / upload to) is required');
  return v;
}

const retries = (p: Params): JsonObject => {
  const r = p.int('retries');
  const i = p.int('retryInterval');
  return { ...(r === undefined ? {} : { retries: r }), ...(i === undefined ? {} : { retryInterval: i }) };
};

export const firmware16: CsmsBlock = {
  name: 'firmware',
  defects: [
    { name: 'update-firmware-wrong-location', description: 'UpdateFirmware names another location than the firmware download URL it was given' },
    { name: 'firmware-status-notification-error', description: 'answers FirmwareStatusNotification.req with CALLERROR InternalError' },
    { name: 'diagnostics-status-notification-error', description: 'answers DiagnosticsStatusNotification.req with CALLERROR InternalError' },
  ],
  responders: (host) => ({
    DiagnosticsStatusNotification: (s, p) => {
      if (host.has('diagnostics-status-notification-error')) throw new InternalRpcError('diagnostics status not stored');
      return empty(s, p);
    },
    FirmwareStatusNotification: (s, p) => {
      if (host.has('firmware-status-notification-error')) throw new InternalRpcError('firmware status not stored');
      return empty(s, p);
    },
  }),
  triggers: {
    triggerUpdateFirmware: (ctx, p) => {
      const given = location(p);
      const where = ctx.has('update-firmware-wrong-location') ? `${given.replace(/\/[^/]*$/, '')}/firmware-latest.bin` : given;
      return { action: 'UpdateFirmware', payload: { location: where, retrieveDate: p.str('retrieveDate') ?? new Date(ctx.nowWallMs).toISOString(), ...retries(p) } };
    },
    triggerGetDiagnostics: (_ctx, p) => ({ action: 'GetDiagnostics', payload: { location: location(p), ...retries(p) } }),
  },
};
