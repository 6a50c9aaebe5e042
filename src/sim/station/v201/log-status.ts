/**
 * Block N, the log upload a GetLog starts (N01), as far as block F's TriggerMessage reports it
 * (Part 2 F06.FR.14/15): one upload at a time, LogStatusNotification Uploading → Uploaded, and the
 * status a triggered LogStatusNotification gives (Uploading with the requestId, else Idle).
 * The upload itself is simulated (nothing leaves the machine); block N will extend this module.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201, LogStatusApi } from './context.js';

/** How long the simulated upload of a log file takes: long enough to trigger a status while it runs. */
export const logUploadMs = 1_500;

interface Upload {
  requestId: number;
  abort: AbortController;
}

class LogUploads implements LogStatusApi {
  private current: Upload | undefined;

  constructor(private readonly ctx: Context201) {}

  triggeredStatus(): JsonObject {
    const up = this.current;
    // Defect: the trigger answers from a constant, not from the upload that is running.
    if (!up || this.ctx.core.has('log-status-idle-while-uploading')) return { status: 'Idle' };
    return { status: 'Uploading', requestId: up.requestId };
  }

  getLog(call: InboundCall): JsonObject {
    const requestId = Number(call.payload['requestId']);
    const logType = String(call.payload['logType']);
    const previous = this.current;
    // Part 2 N01.FR.12: a new GetLog cancels the running upload (AcceptedCanceled).
    if (previous) previous.abort.abort();
    const up: Upload = { requestId, abort: new AbortController() };
    this.current = up;
    call.after(() => this.upload(up));
    const stamp = this.ctx.core.nowIso().replace(/[:.]/g, '-');
    return { status: previous ? 'AcceptedCanceled' : 'Accepted', filename: `${logType}-${stamp}.log` };
  }

  private async upload(up: Upload): Promise<void> {
    const { core } = this.ctx;
    await core.send('LogStatusNotification', { status: 'Uploading', requestId: up.requestId });
    const done = await core.sleep(logUploadMs, up.abort.signal);
    if (this.current === up) this.current = undefined;
    if (done) await core.send('LogStatusNotification', { status: 'Uploaded', requestId: up.requestId });
  }
}

export const logStatus: Block201 = {
  name: 'log-status',
  defects: [
    { name: 'log-status-idle-while-uploading', description: 'a triggered LogStatusNotification says Idle while a log upload is running' },
  ],
  create: (ctx) => {
    const uploads = new LogUploads(ctx);
    return { handlers: { GetLog: (call) => uploads.getLog(call) }, provides: { logStatus: uploads } };
  },
};
