/**
 * Firmware Management profile (1.6 §4.4 DiagnosticsStatusNotification, §4.5 FirmwareStatusNotification,
 * §5.9 GetDiagnostics, §5.19 UpdateFirmware).
 * - UpdateFirmware is answered at once (an empty conf); at retrieveDate the image is downloaded for
 *   real from the location (src/transport/transfer/client.ts, http(s) or ftp) with the request's retries /
 *   retryInterval: Downloading, then Downloaded or DownloadFailed. A downloaded file the charge point
 *   does not support (it knows only images starting with `supportedFirmwareHeader`) fails its
 *   installation: Installing, InstallationFailed, no reboot. A supported one: Installing, a reboot
 *   (the demo's short reboot delay), BootNotification, the connector statuses, then Installed
 *   (§5.19: the charge point reports Installed once it has rebooted onto the new firmware).
 *   The connectors are not set Unavailable first: OCTT 1.6 TC_044 allows either.
 * - GetDiagnostics answers the fileName it will upload, then uploads a diagnostics text to the
 *   location (ftp: a directory the name is appended to; http: a PUT) with retries / retryInterval:
 *   Uploading, then Uploaded or UploadFailed.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { download, upload } from '../../../transport/transfer/client.js';
import { k } from '../config-keys.js';
import type { Block16, Context16 } from './context.js';

/** The header of the firmware images this charge point can install (the demo's image starts with it). */
export const supportedFirmwareHeader = 'ocpp-conform test firmware image\n';
/** How long the simulated download, upload and installation take at least (demo-short, yet visible). */
const transferMinMs = 300;
const installMs = 300;

const count = (v: unknown): number => Math.max(0, Math.floor(Number(v ?? 0)) || 0);

interface Retries {
  retries: number;
  retryIntervalMs: number;
}

const retriesOf = (call: InboundCall): Retries => ({ retries: count(call.payload['retries']), retryIntervalMs: count(call.payload['retryInterval']) * 1000 });

/** Run `attempt` 1 + retries times, retryInterval apart, until it succeeds; at least transferMinMs in all. */
async function withRetries(ctx: Context16, r: Retries, attempt: () => Promise<boolean>): Promise<boolean> {
  const started = Date.now();
  let ok = false;
  for (let i = 0; i <= r.retries && !ok; i++) {
    if (i > 0) await ctx.core.sleep(r.retryIntervalMs);
    ok = await attempt();
  }
  const rest = transferMinMs - (Date.now() - started);
  if (rest > 0) await ctx.core.sleep(rest);
  return ok;
}

export const firmware16: Block16 = {
  name: 'firmware',
  // 1.6 §9.4.1 (Firmware Management profile keys): the protocols transfer-client.ts speaks.
  configKeys: () => [k('SupportedFileTransferProtocols', 'csl', true, 'FTP,HTTP,HTTPS')],
  defects: [
    { name: 'firmware-installed-never-reported', description: 'after a firmware update and its reboot, never reports FirmwareStatusNotification Installed' },
    { name: 'firmware-download-failure-silent', description: 'a firmware download that failed is never reported DownloadFailed' },
    { name: 'firmware-installs-unsupported-image', description: 'installs a downloaded firmware file it does not support and reports Installed instead of InstallationFailed' },
    { name: 'diagnostics-uploaded-without-upload', description: 'reports DiagnosticsStatusNotification Uploaded without uploading any file' },
    { name: 'diagnostics-upload-failure-reported-uploaded', description: 'reports DiagnosticsStatusNotification Uploaded although the diagnostics upload failed' },
  ],
  create: (ctx) => {
    const { core } = ctx;
    /** An installed firmware waits for the reboot to be reported Installed. */
    let installedPending = false;
    const fsn = (status: string): Promise<unknown> => core.send('FirmwareStatusNotification', { status });
    const dsn = (status: string): Promise<unknown> => core.send('DiagnosticsStatusNotification', { status });

    core.bus.on('bootAccepted', async () => {
      if (!installedPending) return;
      installedPending = false;
      if (!core.has('firmware-installed-never-reported')) await fsn('Installed');
    });

    const updateFirmware = async (location: string, retrieveAtMs: number, r: Retries): Promise<void> => {
      const wait = retrieveAtMs - Date.parse(core.nowIso());
      if (wait > 0) await core.sleep(wait);
      await fsn('Downloading');
      let image: Buffer | undefined;
      const ok = await withRetries(ctx, r, async () => {
        const got = await download(location, { timeoutMs: 10_000 });
        if (got.ok) image = got.value;
        return got.ok;
      });
      if (!ok || !image) {
        if (!core.has('firmware-download-failure-silent')) await fsn('DownloadFailed');
        return;
      }
      await fsn('Downloaded');
      await fsn('Installing');
      await core.sleep(installMs);
      const supported = image.subarray(0, supportedFirmwareHeader.length).toString() === supportedFirmwareHeader;
      if (!supported && !core.has('firmware-installs-unsupported-image')) {
        await fsn('InstallationFailed');
        return;
      }
      // The new firmware runs after a reboot; Installed is reported once booted (bootAccepted above).
      installedPending = true;
      core.powerDown('reset', 'Hard');
      await core.drainQueue(5_000);
      void core.reboot('FirmwareUpdate');
    };

    const getDiagnostics = async (location: string, fileName: string, r: Retries): Promise<void> => {
      await dsn('Uploading');
      const content = Buffer.from(`diagnostics of ${core.stationId} at ${core.nowIso()}\nconnectors: ${ctx.connectors.all.length}\n`);
      if (core.has('diagnostics-uploaded-without-upload')) {
        await core.sleep(transferMinMs);
        await dsn('Uploaded');
        return;
      }
      const ok = await withRetries(ctx, r, async () => (await upload(location, fileName, content, { timeoutMs: 10_000 })).ok);
      await dsn(ok || core.has('diagnostics-upload-failure-reported-uploaded') ? 'Uploaded' : 'UploadFailed');
    };

    return {
      handlers: {
        UpdateFirmware: (call): JsonObject => {
          const raw = call.payload['location'];
          const location = typeof raw === 'string' ? raw : '';
          const at = Date.parse(String(call.payload['retrieveDate']));
          const r = retriesOf(call);
          call.after(() => updateFirmware(location, Number.isFinite(at) ? at : Date.parse(core.nowIso()), r));
          return {};
        },
        GetDiagnostics: (call): JsonObject => {
          const raw = call.payload['location'];
          const location = typeof raw === 'string' ? raw : '';
          const fileName = `diagnostics-${core.stationId}-${core.nowIso().replace(/[:.]/g, '-')}.log`;
          const r = retriesOf(call);
          call.after(() => getDiagnostics(location, fileName, r));
          return { fileName };
        },
      },
    };
  },
};
