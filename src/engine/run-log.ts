/**
 * The harness's diagnostic log of one run (src/log.ts, pino): one JSON line per event of the run
 * handle — ready, connection open / close / refused, case start and end with the verdict, each
 * step, each finding. It is a diagnostic stream, never the report. Secrets never reach it
 * (DESIGN.md): every free string goes through the run's own secret scrubber (protocol/redact.ts,
 * the one the reports use), URLs lose their userinfo, and log.ts redacts secret-named fields.
 */
import type { Logger } from '../log.js';
import type { Finding } from '../protocol/findings.js';
import type { StepRecord } from './context-types.js';
import type { CaseInfo } from './reporter.js';
import type { CaseResult } from './run-model.js';
import type { ConnectionEvent, RunHandle } from './start-run.js';

/** A URL as a log may show it: `user:password@` removed (a CSMS URL may carry Basic auth credentials). */
function withoutUserinfo(text: string): string {
  try {
    const url = new URL(text);
    if (url.username === '' && url.password === '') return text;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return text;
  }
}

/** Log every event of `handle` to `logger`; returns the function that stops logging. */
export function logRun(handle: RunHandle, logger: Logger): () => void {
  const s = (text: string): string => handle.scrub(text);
  const url = (text: string | undefined): { url?: string } => (text === undefined ? {} : { url: s(withoutUserinfo(text)) });

  const onReady = (ready: { sut: string; url: string }): void => logger.info({ event: 'ready', sut: ready.sut, ...url(ready.url) }, ready.sut === 'cs' ? 'listening' : 'dialing');
  const onConnection = (entry: ConnectionEvent): void => {
    const base = { event: `connection.${entry.kind}`, connectionId: entry.connectionId };
    if (entry.kind === 'open') logger.info({ ...base, side: entry.side, identity: entry.identity, subprotocol: entry.subprotocol, basicAuth: entry.basicAuth, ...url(entry.url) }, 'connection open');
    else if (entry.kind === 'close') logger.info({ ...base, code: entry.code, reason: s(entry.reason), initiator: entry.initiator }, 'connection closed');
    else logger.warn({ ...base, status: entry.status, reason: s(entry.reason) }, 'connection refused');
  };
  const onCaseStart = (info: CaseInfo): void => logger.info({ event: 'caseStart', caseId: info.id, title: s(info.title), index: info.index, total: info.total }, `case ${info.id} started`);
  const onStep = ({ caseId, step }: { caseId: string; step: StepRecord }): void =>
    logger.debug(
      {
        event: 'step',
        caseId,
        title: s(step.title),
        verdict: step.verdict,
        durationMs: Math.round(step.durationMs),
        checks: step.checks.length,
        failedChecks: step.checks.filter((c) => !c.ok && c.severity === 'error').length,
        ...(step.message ? { message: s(step.message) } : {}),
      },
      `step ${step.verdict}`,
    );
  const onFinding = ({ caseId, finding }: { caseId: string; finding: Finding }): void =>
    logger.warn({ event: 'finding', caseId, layer: finding.layer, severity: finding.severity, code: finding.code, message: s(finding.message), ...(finding.action ? { action: finding.action } : {}) }, `finding ${finding.code}`);
  const onCaseEnd = (result: CaseResult): void =>
    logger.info({ event: 'caseEnd', caseId: result.id, verdict: result.verdict, durationMs: Math.round(result.durationMs), ...(result.message ? { message: s(result.message) } : {}) }, `case ${result.id} ${result.verdict}`);

  handle.on('ready', onReady).on('connection', onConnection).on('caseStart', onCaseStart).on('step', onStep).on('finding', onFinding).on('caseEnd', onCaseEnd);
  return () => {
    handle.off('ready', onReady).off('connection', onConnection).off('caseStart', onCaseStart).off('step', onStep).off('finding', onFinding).off('caseEnd', onCaseEnd);
  };
}
