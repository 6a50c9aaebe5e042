/**
 * Block L, the firmware update an UpdateFirmware starts (L01), as far as block F's TriggerMessage
 * reports it (Part 2 F06.FR.16, L01.FR.25/26): download at retrieveDateTime (now when it has
 * passed), FirmwareStatusNotification Downloading → Downloaded → Installing → Installed, and the
 * status a triggered FirmwareStatusNotification gives (the running update's status with its
 * requestId, else Idle). Download and install are simulated; block L will extend this module
 * (signature checks, reboot, retries).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201, FirmwareStatusApi } from './context.js';

/** How long the simulated download takes: long enough to trigger a status while it runs. */
export const firmwareDownloadMs = 1_500;

interface Update {
  requestId: number;
  status?: string;
  abort: AbortController;
}

class FirmwareUpdates implements FirmwareStatusApi {
  private current: Update | undefined;

  constructor(private readonly ctx: Context201) {}

  triggeredStatus(): JsonObject {
    const up = this.current;
    // Defect: the trigger answers from a constant, not from the update that is running.
    if (!up?.status || this.ctx.core.has('firmware-status-idle-while-downloading')) return { status: 'Idle' };
    return { status: up.status, requestId: up.requestId };
  }

  updateFirmware(call: InboundCall): JsonObject {
    const requestId = Number(call.payload['requestId']);
    const firmware = (call.payload['firmware'] ?? {}) as JsonObject;
    const retrieveAt = Date.parse(String(firmware['retrieveDateTime']));
    const previous = this.current;
    // Part 2 L01.FR.24: a new UpdateFirmware cancels the running one (AcceptedCanceled).
    if (previous) previous.abort.abort();
    const up: Update = { requestId, abort: new AbortController() };
    this.current = up;
    call.after(() => this.run(up, Number.isFinite(retrieveAt) ? retrieveAt : Date.parse(this.ctx.core.nowIso())));
    return { status: previous ? 'AcceptedCanceled' : 'Accepted' };
  }

  private async run(up: Update, retrieveAtMs: number): Promise<void> {
    const { core } = this.ctx;
    const report = async (status: string): Promise<void> => {
      up.status = status;
      await core.send('FirmwareStatusNotification', { status, requestId: up.requestId });
    };
    const waitMs = retrieveAtMs - Date.parse(core.nowIso());
    if (waitMs > 0 && !(await core.sleep(waitMs, up.abort.signal))) return this.end(up);
    await report('Downloading');
    if (!(await core.sleep(firmwareDownloadMs, up.abort.signal))) return this.end(up);
    await report('Downloaded');
    await report('Installing');
    await report('Installed');
    this.end(up);
  }

  private end(up: Update): void {
    if (this.current === up) this.current = undefined;
  }
}

export const firmwareStatus: Block201 = {
  name: 'firmware-status',
  defects: [
    { name: 'firmware-status-idle-while-downloading', description: 'a triggered FirmwareStatusNotification says Idle while a firmware download is running' },
  ],
  create: (ctx) => {
    const updates = new FirmwareUpdates(ctx);
    return { handlers: { UpdateFirmware: (call) => updates.updateFirmware(call) }, provides: { firmwareStatus: updates } };
  },
};
