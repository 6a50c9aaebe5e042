/**
 * Helpers of the OCPP 1.6 Firmware Management `_CSMS` cases (OCTT 1.6 document §3.15 / §3.16; OCPP
 * 1.6 §4.4, §4.5, §5.9, §5.19): the harness plays the Charge Point. The operator makes the Central
 * System send UpdateFirmware / GetDiagnostics for a location; the harness answers, transfers what
 * itself (http(s) or ftp, with the file client the station simulator uses) and reports the statuses the document scripts, each of
 * which the Central System must answer.
 *
 * Configured values (config `extra`):
 * - csmsFirmwareLocation: <Firmware Download URL from test data>, the Central System's firmware URL;
 *   when absent the harness serves a dummy firmware on its own transfer service and hands that URL
 *   to the operator.
 * - csmsDiagnosticsLocation: the location the Central System asks diagnostics to be uploaded to;
 *   when absent the harness's own HTTP upload URL.
 */
import { downloadFile, uploadFile, type JsonObject, type TestContext } from '../../../../src/engine/authoring.js';
import { request, triggeredCall } from '../_shared/charge-point.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

const transferTimeoutMs = 10_000;

/** <Firmware Download URL from test data>. */
export async function firmwareUrl(ctx: TestContext): Promise<string> {
  return text(ctx, 'csmsFirmwareLocation') ?? (await ctx.transfer()).serve('firmware.bin', 'ocpp-conform dummy firmware for a Central System test\n');
}

/** Where the Central System is to ask the diagnostics to go. */
export async function diagnosticsUrl(ctx: TestContext): Promise<string> {
  return text(ctx, 'csmsDiagnosticsLocation') ?? (await ctx.transfer()).uploadUrl('diagnostics.log');
}

/** Download the file at `location`; whether it worked. */
export async function tryDownload(location: string): Promise<boolean> {
  return (await downloadFile(location, { timeoutMs: transferTimeoutMs })).ok;
}

/** Upload a diagnostics file as `fileName` (an HTTP PUT, or into an FTP directory); whether it worked. */
export async function tryUpload(location: string, fileName: string, content: string): Promise<boolean> {
  return (await uploadFile(location, fileName, Buffer.from(content), { timeoutMs: transferTimeoutMs })).ok;
}

/** Step 1-2: the operator's request, the Central System's CALL, the harness's answer. */
export async function expectRequest(ctx: TestContext, action: 'UpdateFirmware' | 'GetDiagnostics', params: Record<string, unknown>, answer: JsonObject, step?: number): Promise<{ payload: JsonObject; frames: number[] }> {
  return triggeredCall(ctx, { action, trigger: action === 'UpdateFirmware' ? 'triggerUpdateFirmware' : 'triggerGetDiagnostics', params, answer: () => answer, ...(step === undefined ? {} : { step }) });
}

/** The harness reports a status; the Central System must answer it (the check names `step`). */
export async function report(ctx: TestContext, action: 'FirmwareStatusNotification' | 'DiagnosticsStatusNotification', status: string, step: number): Promise<void> {
  await request(ctx, action, { status }, { step, describe: `the Central System answers ${action}.req ${status}` });
}
