/**
 * Block L, firmware management: the station's firmware status notifications are acknowledged;
 * the UpdateFirmware trigger (Part 2 L01 secure firmware update) sends the firmware it is given:
 * params.location (required), signingCertificate and signature (the CSMS's configured firmware
 * signing material), retrieveDateTime (default now), installDateTime, retries, retryInterval,
 * requestId.
 */
import { empty, int, str, type CsmsBlock } from '../block.js';
import type { JsonObject } from '../../../protocol/frames.js';
import { ParamError } from '../params.js';

export const firmware: CsmsBlock = {
  name: 'firmware',
  defects: [
    { name: 'update-firmware-without-signature', description: 'sends UpdateFirmware without the signing certificate and signature it was configured with' },
    { name: 'update-firmware-drops-install-time', description: 'sends UpdateFirmware without the installDateTime it was asked to schedule the installation at' },
    { name: 'update-firmware-retrieves-now', description: 'sends UpdateFirmware with retrieveDateTime now instead of the future time it was asked to schedule the download at' },
  ],
  responders: () => ({ FirmwareStatusNotification: empty, PublishFirmwareStatusNotification: empty }),
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
  },
};
