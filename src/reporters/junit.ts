/**
 * junit.xml: a view of the run model for CI (Jenkins, GitLab, GitHub test reporters). The
 * elements and attributes are the subset of the common JUnit XSD that those tools read:
 *
 *   testsuites[name,tests,failures,errors,skipped,time]
 *     testsuite[name,tests,failures,errors,skipped,time]   one per block, e.g. "OCPP 2.0.1 CS — B Provisioning"
 *       properties > property[name,value]                  the run: tool, DUT, version, security profile
 *       testcase[name,classname,time]                      name "TC_B_01_CS Cold Boot Charging Station - Accepted"
 *         failure[message,type]   fail: the DUT did something wrong; body = failing step, expected vs actual
 *         failure[type=inconclusive] inconclusive: counted as a failure, so CI never reads it as passed
 *         error[message,type]     error: the harness itself broke (not the DUT's fault)
 *         skipped[message]        notApplicable (with the PICS reason), skipped and notRun (interrupted before it began)
 *         system-out              steps, findings and warnings of the case, for reading in CI
 *
 * Text XML 1.0 cannot carry (control characters other than tab/LF/CR, lone surrogates, U+FFFE/F)
 * is written as a visible `\uXXXX` escape: a DUT's corrupt frame must not make the file unreadable.
 */
import type { Reporter } from '../engine/reporter.js';
import type { CaseResult, RunResult } from '../engine/run-model.js';
import { writeFileAtomic } from './json.js';
import { blockSummaries, blockTitle, firstFailure, runTitle, timingWords, verdictLabel } from './summary.js';

// Characters XML 1.0 §2.2 does not allow, even as character references.
// eslint-disable-next-line no-control-regex
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(text: string): string {
  return text.replace(notXmlChar, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Element text. `]]>` needs no care outside CDATA, `>` is escaped anyway. */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value in double quotes; tab/LF/CR as references so attribute normalisation keeps them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function attrs(pairs: Array<[string, string | number]>): string {
  return pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}

function classnameOf(t: Pick<CaseResult, 'version' | 'sut' | 'block'>): string {
  // Dots separate package and class in CI views, so the version's dots become underscores.
  return `ocpp${t.version.replace(/\./g, '_')}.${t.sut}.${t.block.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

function failureBody(t: CaseResult): string {
  const lines: string[] = [];
  if (t.message) lines.push(t.message);
  if (t.precondition) lines.push(`precondition: ${t.precondition} (the case's own steps were not reached)`);
  const failing = firstFailure(t);
  if (failing) {
    lines.push(`step: ${failing.step.title} (${failing.step.verdict})`);
    if (failing.step.message && failing.step.message !== t.message) lines.push(failing.step.message);
    const c = failing.check;
    if (c) {
      lines.push(`check: ${c.description}`, `expected: ${c.expected}`, `actual:   ${c.actual}`);
      if (c.timing) {
        const w = timingWords(c.timing);
        lines.push(`timing: ${c.timing.what}: measured ${w.measured}, allowed ${w.allowed}`);
      }
      if (c.frames.length > 0) lines.push(`${c.candidates === true ? 'nearest frames' : 'frames'}: ${c.frames.join(', ')}`);
    }
  }
  const errors = t.findings.filter((f) => f.severity === 'error');
  for (const f of errors) lines.push(`[${f.layer}] ${f.action ? `${f.action}: ` : ''}${f.message}${f.frameSeq === undefined ? '' : ` (frame ${f.frameSeq})`}`);
  return lines.join('\n');
}

function systemOut(t: CaseResult): string {
  const lines: string[] = [`applicability: ${t.applicability.reason}`];
  for (const s of t.steps) {
    lines.push(`step ${s.verdict.padEnd(12)} ${s.title} (${Math.round(s.durationMs)} ms)`);
    for (const c of s.checks) {
      lines.push(`  ${c.ok ? 'ok  ' : c.severity === 'warning' ? 'warn' : 'FAIL'} ${c.description}: expected ${c.expected}; actual ${c.actual}`);
      if (c.timing) {
        const w = timingWords(c.timing);
        lines.push(`       timing: measured ${w.measured}, allowed ${w.allowed}`);
      }
    }
  }
  for (const f of t.findings) lines.push(`finding [${f.layer}/${f.severity}] ${f.code}: ${f.message}`);
  for (const w of t.warnings) lines.push(`warning: ${w}`);
  if (t.trace.length > 0) lines.push(`frames: ${t.trace.length} (traces/${traceFileName(t.id)})`);
  return lines.join('\n');
}

/** File name of a case's trace under traces/ (ids are [A-Z0-9_], but a report file may say anything). */
export function traceFileName(caseId: string): string {
  return `${caseId.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_')}.jsonl`;
}

/** `profile`: the run's fault profile (run --fault), carried in every test name so a CI history keeps faulted runs apart. */
function testcase(t: CaseResult, profile?: string): string {
  const name = `${t.id} ${t.title}${profile === undefined ? '' : ` [faults: ${profile}]`}`;
  const head = `    <testcase${attrs([['name', name], ['classname', classnameOf(t)], ['time', seconds(t.durationMs)]])}>`;
  const message = t.message ?? verdictLabel[t.verdict];
  let outcome = '';
  switch (t.verdict) {
    case 'pass':
      break;
    case 'fail':
      outcome = `      <failure${attrs([['message', message], ['type', 'fail']])}>${xmlText(failureBody(t))}</failure>\n`;
      break;
    case 'inconclusive':
      outcome = `      <failure${attrs([['message', `inconclusive: ${message}`], ['type', 'inconclusive']])}>${xmlText(failureBody(t))}</failure>\n`;
      break;
    case 'error':
      outcome = `      <error${attrs([['message', message], ['type', 'harness']])}>${xmlText(failureBody(t))}</error>\n`;
      break;
    case 'notApplicable':
      outcome = `      <skipped${attrs([['message', `not applicable: ${t.message ?? t.applicability.reason}`]])}/>\n`;
      break;
    case 'skipped':
      outcome = `      <skipped${attrs([['message', `skipped: ${message}`]])}/>\n`;
      break;
    case 'notRun':
      outcome = `      <skipped${attrs([['message', `not run: ${message}`]])}/>\n`;
      break;
  }
  const out = t.verdict === 'notApplicable' || t.verdict === 'skipped' || t.verdict === 'notRun' ? '' : `      <system-out>${xmlText(systemOut(t))}</system-out>\n`;
  return `${head}\n${outcome}${out}    </testcase>\n`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeMs: number;
}

function countsOf(tests: readonly CaseResult[]): Counts {
  const c: Counts = { tests: tests.length, failures: 0, errors: 0, skipped: 0, timeMs: 0 };
  for (const t of tests) {
    if (t.verdict === 'fail' || t.verdict === 'inconclusive') c.failures += 1;
    else if (t.verdict === 'error') c.errors += 1;
    else if (t.verdict === 'notApplicable' || t.verdict === 'skipped' || t.verdict === 'notRun') c.skipped += 1;
    c.timeMs += t.durationMs;
  }
  return c;
}

function countAttrs(name: string, c: Counts): string {
  return attrs([['name', name], ['tests', c.tests], ['failures', c.failures], ['errors', c.errors], ['skipped', c.skipped], ['time', seconds(c.timeMs)]]);
}

function properties(run: RunResult): string {
  const props: Array<[string, string]> = [
    ['tool', `${run.tool.name} ${run.tool.version}`],
    ['ocpp', run.version],
    ['sut', run.sut],
    ['securityProfile', String(run.securityProfile)],
    ['dutAdapter', run.dutAdapter],
    ['startedAt', run.startedAt],
    ...(run.endedAt ? [['endedAt', run.endedAt] as [string, string]] : []),
    ['partial', String(run.partial)],
    ['interrupted', String(run.interrupted)],
    ...Object.entries(run.dut).map(([k, v]): [string, string] => [`dut.${k}`, String(v)]),
    ...(run.faults ? ([['faults.profile', run.faults.profile], ['faults.spec', run.faults.spec], ['faults.seed', String(run.faults.seed)]] as Array<[string, string]>) : []),
  ];
  return `    <properties>\n${props.map(([name, value]) => `      <property${attrs([['name', name], ['value', value]])}/>\n`).join('')}    </properties>\n`;
}

export function renderJunit(run: RunResult): string {
  const title = runTitle(run);
  const suites = blockSummaries(run).map((b) => {
    const tests = run.tests.filter((t) => t.block === b.block);
    const name = `${title} — ${blockTitle(run.version, b.block)}`;
    return `  <testsuite${countAttrs(name, countsOf(tests))}>\n${properties(run)}${tests.map((t) => testcase(t, run.faults?.profile)).join('')}  </testsuite>\n`;
  });
  const suffix = run.interrupted ? ' (interrupted)' : run.partial ? ' (partial)' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${countAttrs(`ocpp-conform ${title}${suffix}`, countsOf(run.tests))}>\n${suites.join('')}</testsuites>\n`;
}

export function junitReporter(file: string): Reporter {
  return {
    onCaseEnd: (_result, run) => writeFileAtomic(file, renderJunit(run)),
    onRunEnd: (run) => writeFileAtomic(file, renderJunit(run)),
  };
}
