/**
 * 1.6 Security Whitepaper secure firmware update, the Central System's side (L01): the operator's
 * trigger builds SignedUpdateFirmware (firmware.location, signingCertificate and signature as the
 * operator gives them, retrieveDateTime now unless given, a fresh requestId). The
 * SignedFirmwareStatusNotification answers are in ./security.ts.
 */
import { ParamError } from '../params.js';
import type { CsmsBlock } from '../block.js';

export const signedFirmware16: CsmsBlock = {
  name: 'signed-firmware',
  defects: [{ name: 'signed-update-firmware-wrong-location', description: 'SignedUpdateFirmware names another firmware.location than the operator gave' }],
  triggers: {
    triggerSignedUpdateFirmware: (ctx, p) => {
      const location = p.str('location');
      const signature = p.str('signature');
      const signingCertificate = p.str('signingCertificate');
      if (location === undefined || location === '') throw new ParamError('parameter location (the firmware download URL) is required');
      if (signature === undefined || signature === '') throw new ParamError('parameter signature (base64) is required');
      if (signingCertificate === undefined || signingCertificate === '') throw new ParamError('parameter signingCertificate (PEM) is required');
      const firmware = {
        location: ctx.has('signed-update-firmware-wrong-location') ? `${location}.previous` : location,
        retrieveDateTime: p.str('retrieveDateTime') ?? new Date(ctx.nowWallMs).toISOString(),
        signingCertificate,
        signature,
      };
      return { action: 'SignedUpdateFirmware', payload: { requestId: p.int('requestId') ?? ctx.next('requestId'), firmware } };
    },
  },
};
