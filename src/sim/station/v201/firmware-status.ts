/**
 * Block L, secure firmware update (Part 2 L01) and the status block F's TriggerMessage reports of it
 * (F06.FR.16, L01.FR.25/26). UpdateFirmware: a signing certificate that does not chain to a
 * ManufacturerRootCertificate is refused with InvalidCertificate and a SecurityEventNotification
 * InvalidFirmwareSigningCertificate (L01.FR.02); otherwise Accepted (AcceptedCanceled when it
 * replaces a running update, L01.FR.24). At retrieveDateTime the image is downloaded for real from
 * the location (src/transport/transfer/client.ts) with the request's retries / retryInterval:
 * (DownloadScheduled before it) Downloading → Downloaded or DownloadFailed; the signature is checked over the bytes: SignatureVerified,
 * or InvalidSignature with a SecurityEventNotification InvalidFirmwareSignature (L01.FR.03/04); at
 * installDateTime (InstallScheduled before it) Installing → Installed and a SecurityEventNotification
 * FirmwareUpdated (L01.FR.31 in our reading of A-type security events). The reboot is not simulated.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { download } from '../../../transport/transfer/client.js';
import { trustedSigningCertificate, validFirmwareSignature } from '../firmware-verify.js';
import type { Block201, Context201, FirmwareStatusApi } from './context.js';

/** How long the simulated download takes at least: long enough to trigger a status while it runs. */
export const firmwareDownloadMs = 1_500;

interface Update {
  requestId: number;
  status?: string;
  abort: AbortController;
}

interface Firmware {
  location: string;
  retrieveAtMs: number;
  installAtMs: number | undefined;
  signingCertificate: string | undefined;
  signature: string | undefined;
  retries: number;
  retryIntervalMs: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

class FirmwareUpdates implements FirmwareStatusApi {
  private current: Update | undefined;

  constructor(private readonly ctx: Context201) {}

  triggeredStatus(): JsonObject {
    const up = this.current;
    // Defect: the trigger answers from a constant, not from the update that is running.
    if (!up?.status || this.ctx.core.has('firmware-status-idle-while-downloading')) return { status: 'Idle' };
    return { status: up.status, requestId: up.requestId };
  }

  private roots(): string[] {
    return [...(this.ctx.core.options.firmwareRoots ?? []), ...this.ctx.certificates.installed('ManufacturerRootCertificate')];
  }

  updateFirmware(call: InboundCall): JsonObject {
    const { core } = this.ctx;
    const requestId = Number(call.payload['requestId']);
    const raw = (call.payload['firmware'] ?? {}) as JsonObject;
    const now = Date.parse(core.nowIso());
    const at = (v: unknown): number | undefined => {
      const t = Date.parse(String(v));
      return Number.isFinite(t) ? t : undefined;
    };
    const firmware: Firmware = {
      location: str(raw['location']) ?? '',
      retrieveAtMs: at(raw['retrieveDateTime']) ?? now,
      installAtMs: at(raw['installDateTime']),
      signingCertificate: str(raw['signingCertificate']),
      signature: str(raw['signature']),
      retries: Math.max(0, Number(call.payload['retries'] ?? 0) || 0),
      retryIntervalMs: Math.max(0, Number(call.payload['retryInterval'] ?? 0) || 0) * 1000,
    };
    // L01.FR.02: the signing certificate must be valid and chain to a manufacturer root.
    if (firmware.signingCertificate !== undefined && !trustedSigningCertificate(firmware.signingCertificate, this.roots(), now) && !core.has('firmware-accepts-untrusted-certificate')) {
      call.after(() => void core.send('SecurityEventNotification', { type: 'InvalidFirmwareSigningCertificate', timestamp: core.nowIso() }));
      return { status: 'InvalidCertificate' };
    }
    const previous = this.current;
    // Part 2 L01.FR.24: a new UpdateFirmware cancels the running one (AcceptedCanceled).
    if (previous) previous.abort.abort();
    const up: Update = { requestId, abort: new AbortController() };
    this.current = up;
    call.after(() => this.run(up, firmware));
    // Defect: the replaced update is cancelled, but the answer does not say so.
    return { status: previous && !core.has('firmware-cancel-not-reported') ? 'AcceptedCanceled' : 'Accepted' };
  }

  private async run(up: Update, fw: Firmware): Promise<void> {
    const { core } = this.ctx;
    const signal = up.abort.signal;
    const report = async (status: string): Promise<void> => {
      if (signal.aborted) return;
      up.status = status;
      await core.send('FirmwareStatusNotification', { status, requestId: up.requestId });
    };
    const untilMs = (t: number): number => t - Date.parse(core.nowIso());
    // Defect: retrieveDateTime in the future is ignored, the download starts at once.
    if (untilMs(fw.retrieveAtMs) > 0 && !core.has('firmware-download-not-scheduled')) {
      await report('DownloadScheduled');
      if (!(await core.sleep(untilMs(fw.retrieveAtMs), signal))) return this.end(up);
    }
    await report('Downloading');
    const image = await this.fetch(fw, signal);
    if (signal.aborted) return this.end(up);
    if (!image) {
      // Defect: a download that failed is never reported.
      if (!core.has('firmware-download-failure-silent')) await report('DownloadFailed');
      return this.end(up);
    }
    await report('Downloaded');
    if (fw.signature !== undefined && fw.signingCertificate !== undefined) {
      if (!validFirmwareSignature(image, fw.signature, fw.signingCertificate) && !core.has('firmware-ignores-invalid-signature')) {
        await report('InvalidSignature');
        await core.send('SecurityEventNotification', { type: 'InvalidFirmwareSignature', timestamp: core.nowIso() });
        return this.end(up);
      }
      await report('SignatureVerified');
    }
    // Defect: installDateTime in the future is ignored, the installation starts at once.
    if (fw.installAtMs !== undefined && untilMs(fw.installAtMs) > 0 && !core.has('firmware-install-not-scheduled')) {
      await report('InstallScheduled');
      if (!(await core.sleep(untilMs(fw.installAtMs), signal))) return this.end(up);
    }
    await report('Installing');
    if (!(await core.sleep(200, signal))) return this.end(up);
    await report('Installed');
    // Defect: the security event of a successful update is missing.
    if (!core.has('firmware-no-firmware-updated-event')) await core.send('SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: core.nowIso() });
    this.end(up);
  }

  /** The image, trying 1 + retries times retryInterval apart; at least firmwareDownloadMs in all. */
  private async fetch(fw: Firmware, signal: AbortSignal): Promise<Buffer | undefined> {
    const { core } = this.ctx;
    const started = Date.now();
    let image: Buffer | undefined;
    for (let attempt = 0; attempt <= fw.retries && !signal.aborted; attempt++) {
      if (attempt > 0 && !(await core.sleep(fw.retryIntervalMs, signal))) return undefined;
      const got = await download(fw.location, { timeoutMs: 10_000 });
      if (got.ok) {
        image = got.value;
        break;
      }
    }
    const rest = firmwareDownloadMs - (Date.now() - started);
    if (rest > 0 && !(await core.sleep(rest, signal))) return undefined;
    return image;
  }

  private end(up: Update): void {
    if (this.current === up) this.current = undefined;
  }
}

export const firmwareStatus: Block201 = {
  name: 'firmware-status',
  defects: [
    { name: 'firmware-status-idle-while-downloading', description: 'a triggered FirmwareStatusNotification says Idle while a firmware download is running' },
    { name: 'firmware-no-firmware-updated-event', description: 'after a successful firmware update (Installed) no SecurityEventNotification FirmwareUpdated is sent' },
    { name: 'firmware-accepts-untrusted-certificate', description: 'UpdateFirmware with a signing certificate that does not chain to a manufacturer root is Accepted and the firmware installed' },
    { name: 'firmware-ignores-invalid-signature', description: 'a downloaded firmware whose signature does not verify is reported SignatureVerified and installed' },
    { name: 'firmware-download-not-scheduled', description: 'UpdateFirmware with retrieveDateTime in the future: downloads at once, no DownloadScheduled' },
    { name: 'firmware-install-not-scheduled', description: 'UpdateFirmware with installDateTime in the future: installs right after the download, no InstallScheduled' },
    { name: 'firmware-cancel-not-reported', description: 'an UpdateFirmware that cancels the running update is answered Accepted instead of AcceptedCanceled' },
    { name: 'firmware-download-failure-silent', description: 'a firmware download that failed is never reported DownloadFailed' },
  ],
  create: (ctx) => {
    const updates = new FirmwareUpdates(ctx);
    return { handlers: { UpdateFirmware: (call) => updates.updateFirmware(call) }, provides: { firmwareStatus: updates } };
  },
};
