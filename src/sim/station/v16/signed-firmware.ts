/**
 * The 1.6 Security Whitepaper (edition 3) secure firmware update on the charge point (L01,
 * SignedUpdateFirmware / SignedFirmwareStatusNotification): a signing certificate that does not
 * chain to a manufacturer root (the station's factory roots, options.firmwareRoots) is answered
 * InvalidCertificate with a SecurityEventNotification InvalidFirmwareSigningCertificate (L01.FR.02);
 * otherwise Accepted, then at retrieveDateTime Downloading → Downloaded (or DownloadFailed after the
 * retries), the signature checked over the image (L01.FR.04, src/sim/station/firmware-verify.ts):
 * InvalidSignature with a SecurityEventNotification InvalidFirmwareSignature (L01.FR.03), or
 * SignatureVerified → Installing → reboot → (after the accepted boot) Installed and a
 * SecurityEventNotification FirmwareUpdated. A new request cancels the running one (AcceptedCanceled).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { trustedSigningCertificate, validFirmwareSignature } from '../firmware-verify.js';
import { download } from '../../../transport/transfer/client.js';
import type { Block16 } from './context.js';

/** How long the simulated installation takes before the reboot. */
const installMs = 200;

export const signedFirmware16: Block16 = {
  name: 'signed-firmware',
  defects: [
    { name: 'firmware-ignores-invalid-signature', description: 'a downloaded firmware whose signature does not verify is reported SignatureVerified and installed' },
    { name: 'signed-firmware-no-installed', description: 'after a signed firmware update and its reboot the charge point never reports SignedFirmwareStatusNotification Installed' },
  ],
  create: (ctx) => {
    const { core } = ctx;
    let running: AbortController | undefined;
    // Survives the reboot of the installation: Installed is reported after the next accepted boot.
    let installedPending: number | undefined;
    const status = (s: string, requestId: number): Promise<unknown> => core.send('SignedFirmwareStatusNotification', { status: s, requestId });
    const event = (type: string, techInfo: string): Promise<unknown> => core.send('SecurityEventNotification', { type, timestamp: core.nowIso(), techInfo });
    core.bus.on('bootAccepted', async () => {
      const requestId = installedPending;
      if (requestId === undefined) return;
      installedPending = undefined;
      if (core.has('signed-firmware-no-installed')) return;
      await status('Installed', requestId);
      await event('FirmwareUpdated', 'signed firmware installed');
    });
    const run = async (abort: AbortController, requestId: number, fw: JsonObject, retries: number, retryIntervalS: number): Promise<void> => {
      const retrieveAt = Date.parse(String(fw['retrieveDateTime']));
      const wait = Number.isFinite(retrieveAt) ? retrieveAt - core.clock.wallMs() : 0;
      if (wait > 0 && !(await core.sleep(wait, abort.signal))) return;
      await status('Downloading', requestId);
      let image: Buffer | undefined;
      for (let attempt = 0; image === undefined; attempt += 1) {
        const got = await download(String(fw['location']), { timeoutMs: 10_000 });
        if (abort.signal.aborted) return;
        if (got.ok) image = got.value;
        else if (attempt >= retries) {
          await status('DownloadFailed', requestId);
          return;
        } else if (!(await core.sleep(retryIntervalS * 1000, abort.signal))) return;
      }
      await status('Downloaded', requestId);
      const valid = validFirmwareSignature(image, String(fw['signature']), String(fw['signingCertificate']));
      if (!valid && !core.has('firmware-ignores-invalid-signature')) {
        await status('InvalidSignature', requestId);
        await event('InvalidFirmwareSignature', 'the firmware signature does not verify');
        return;
      }
      await status('SignatureVerified', requestId);
      await status('Installing', requestId);
      if (!(await core.sleep(installMs, abort.signal))) return;
      installedPending = requestId;
      if (running === abort) running = undefined;
      void core.reboot('FirmwareUpdate');
    };
    return {
      handlers: {
        SignedUpdateFirmware: (call) => {
          const fw = (call.payload['firmware'] ?? {}) as JsonObject;
          const requestId = Number(call.payload['requestId']);
          const cert = typeof fw['signingCertificate'] === 'string' ? fw['signingCertificate'] : '';
          if (!trustedSigningCertificate(cert, core.options.firmwareRoots ?? [], core.clock.wallMs())) {
            call.after(async () => void (await event('InvalidFirmwareSigningCertificate', 'the signing certificate does not chain to a manufacturer root')));
            return { status: 'InvalidCertificate' };
          }
          const previous = running;
          previous?.abort();
          const abort = new AbortController();
          running = abort;
          const retries = Number(call.payload['retries'] ?? 0);
          const retryIntervalS = Number(call.payload['retryInterval'] ?? 0);
          call.after(() => run(abort, requestId, fw, Number.isFinite(retries) ? retries : 0, Number.isFinite(retryIntervalS) ? retryIntervalS : 0));
          return { status: previous ? 'AcceptedCanceled' : 'Accepted' };
        },
      },
    };
  },
};
