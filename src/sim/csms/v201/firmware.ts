/**
 * Block L, firmware management: the station's firmware status notifications are acknowledged;
 * the UpdateFirmware trigger (Part 2 L01 secure firmware update) sends the firmware it is given:
 * params.location (required), signingCertificate and signature (the CSMS's configured firmware
 * signing material), retrieveDateTime (default now), installDateTime, retries, retryInterval,
 * requestId. PublishFirmware / UnpublishFirmware (L03/L04, to a Local Controller) name params.location
 * and params.checksum (MD5 hex; default the MD5 of the location, the simulator holding no image).
 */
import { createHash } from 'node:crypto';
import { InternalRpcError } from '../../../session/rpc-error.js';
import { empty, int, str, type CsmsBlock } from '../block.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { Responder, ResponderHost } from '../responses.js';
import { ParamError } from '../params.js';

/** params.checksum, or the MD5 (hex) of the location. */
const checksumOf = (raw: Record<string, unknown>, location: string): string => str(raw['checksum']) ?? createHash('md5').update(location).digest('hex');

/** The FirmwareStatusNotification statuses that end a firmware update unsuccessfully (Part 2 FirmwareStatusEnumType). */
const failures = ['DownloadFailed', 'InvalidSignature', 'InstallVerificationFailed', 'InstallationFailed'];

/** Acknowledges every firmware status; the firmware-failure-status-error defect cannot handle a failure. */
const firmwareStatus = (host: ResponderHost): Responder => (station, payload, followUp) => {
  if (host.has('firmware-failure-status-error') && failures.includes(String(payload['status']))) throw new InternalRpcError('the CSMS could not process the firmware status');
  return empty(station, payload, followUp);
};

export const firmware: CsmsBlock = {
  name: 'firmware',
  defects: [
    { name: 'update-firmware-without-signature', description: 'sends UpdateFirmware without the signing certificate and signature it was configured with' },
    { name: 'update-firmware-drops-install-time', description: 'sends UpdateFirmware without the installDateTime it was asked to schedule the installation at' },
    { name: 'update-firmware-retrieves-now', description: 'sends UpdateFirmware with retrieveDateTime now instead of the future time it was asked to schedule the download at' },
    { name: 'firmware-failure-status-error', description: 'answers a FirmwareStatusNotification reporting a failed update (DownloadFailed, InvalidSignature, InstallVerificationFailed, InstallationFailed) with CALLERROR InternalError' },
    { name: 'publish-firmware-wrong-location', description: 'sends PublishFirmware with a location other than the firmware location it was asked to publish' },
  ],
  responders: (host) => ({ FirmwareStatusNotification: firmwareStatus(host), PublishFirmwareStatusNotification: empty }),
  triggers: {
    triggerUpdateFirmware: (ctx, p) => {
      const location = str(p.raw['location']);
      if (location === undefined || location === '') throw new ParamError('parameter location (the firmware URI) is required');
      const now = new Date(ctx.nowWallMs).toISOString();
      const fw: JsonObject = { location, retrieveDateTime: ctx.has('update-firmware-retrieves-now') ? now : (str(p.raw['retrieveDateTime']) ?? now) };
      const installDateTime = str(p.raw['installDateTime']);
      if (installDateTime !== undefined && !ctx.has('update-firmware-drops-install-time')) fw['installDateTime'] = installDateTime;
      if (!ctx.has('update-firmware-without-signature')) {
        for (const k of ['signingCertificate', 'signature'] as const) {
          const v = str(p.raw[k]);
          if (v !== undefined) fw[k] = v;
        }
      }
      const payload: JsonObject = { requestId: p.int('requestId') ?? ctx.next('requestId'), firmware: fw };
      for (const k of ['retries', 'retryInterval'] as const) {
        const v = int(p.raw[k]);
        if (v !== undefined) payload[k] = v;
      }
      return { action: 'UpdateFirmware', payload };
    },
    triggerPublishFirmware: (ctx, p) => {
      const location = str(p.raw['location']);
      if (location === undefined || location === '') throw new ParamError('parameter location (the firmware URI) is required');
      const payload: JsonObject = { location: ctx.has('publish-firmware-wrong-location') ? `${location}.old` : location, checksum: checksumOf(p.raw, location), requestId: p.int('requestId') ?? ctx.next('requestId') };
      for (const k of ['retries', 'retryInterval'] as const) {
        const v = int(p.raw[k]);
        if (v !== undefined) payload[k] = v;
      }
      return { action: 'PublishFirmware', payload };
    },
    triggerUnpublishFirmware: (_ctx, p) => ({ action: 'UnpublishFirmware', payload: { checksum: checksumOf(p.raw, str(p.raw['location']) ?? '') } }),
  },
};
