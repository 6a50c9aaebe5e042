/**
 * The 1.6 Security Whitepaper (edition 3) log upload on the charge point (N01 Retrieve Log Information,
 * GetLog / LogStatusNotification): GetLog is Accepted with the name of the file, then the charge
 * point reports Uploading, uploads the log (the security events it keeps, or a diagnostics line)
 * to log.remoteLocation with src/transport/transfer/client.ts and reports Uploaded, or UploadFailure
 * after its retries. A new GetLog cancels the running upload (AcceptedCanceled, N01.FR.11); every status carries the GetLog's requestId (N01.FR.07).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { upload } from '../../../transport/transfer/client.js';
import type { Block16 } from './context.js';

interface Running {
  abort: AbortController;
}

export const securityLog16: Block16 = {
  name: 'security-log',
  defects: [
    { name: 'security-log-not-uploaded', description: 'reports a log upload Uploading then Uploaded but never uploads the file to the remoteLocation' },
  ],
  create: (ctx) => {
    const { core } = ctx;
    let running: Running | undefined;
    const stampOf = (): string => core.nowIso().replace(/[:.]/g, '-');
    const contentOf = (logType: string): Buffer => Buffer.from(`${core.nowIso()} ${logType} of the ocpp-conform simulated charge point: no security event since boot\n`);
    const run = async (me: Running, requestId: number, logType: string, location: string, filename: string, retries: number, retryIntervalS: number): Promise<void> => {
      const status = (s: string): Promise<unknown> => core.send('LogStatusNotification', { status: s, requestId });
      await status('Uploading');
      if (core.has('security-log-not-uploaded')) {
        if (running === me) running = undefined;
        await status('Uploaded');
        return;
      }
      for (let attempt = 0; ; attempt += 1) {
        if (me.abort.signal.aborted) return;
        const out = await upload(location, filename, contentOf(logType), { timeoutMs: 10_000 });
        if (out.ok || attempt >= retries) {
          if (running === me) running = undefined;
          await status(out.ok ? 'Uploaded' : 'UploadFailure');
          return;
        }
        if (!(await core.sleep(retryIntervalS * 1000, me.abort.signal))) return;
      }
    };
    return {
      handlers: {
        GetLog: (call) => {
          const logType = String(call.payload['logType']);
          const requestId = Number(call.payload['requestId']);
          const log = (call.payload['log'] ?? {}) as JsonObject;
          const location = typeof log['remoteLocation'] === 'string' ? log['remoteLocation'] : '';
          const retries = Number(call.payload['retries'] ?? 0);
          const retryIntervalS = Number(call.payload['retryInterval'] ?? 0);
          const previous = running;
          previous?.abort.abort();
          const me: Running = { abort: new AbortController() };
          running = me;
          const filename = `${logType}-${stampOf()}.log`;
          call.after(() => run(me, requestId, logType, location, filename, Number.isFinite(retries) ? retries : 0, Number.isFinite(retryIntervalS) ? retryIntervalS : 0));
          return { status: previous ? 'AcceptedCanceled' : 'Accepted', filename };
        },
      },
    };
  },
};
