/**
 * report.html: one self-contained file (inline CSS and JS, no external URL) rendered with
 * handlebars from a view model built here. Frames and every other string come from the DUT or
 * from a report file and are untrusted: the template only uses escaping `{{…}}` output, and a
 * Content-Security-Policy lets only our own script (by hash) run and nothing load from outside.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as HandlebarsApi from 'handlebars';
import type { Reporter } from '../engine/reporter.js';
import type { CaseResult, RunResult } from '../engine/run-model.js';
import type { Verdict } from '../engine/verdict.js';
import { coverageLine, requirementCoverage, type CoverageState } from './coverage.js';
import { labelFrames } from './frames.js';
import { htmlScript, htmlStyle, htmlTemplate } from './html-assets.js';
import { writeFileAtomic } from './json.js';
import {
  blockSummaries,
  claimedProfiles,
  formatDuration,
  profileSummaries,
  sideWords,
  timingWords,
  verdictLabel,
  verdictOrder,
  verdictSentence,
} from './summary.js';

const scriptHash = createHash('sha256').update(htmlScript).digest('base64');
const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;

// handlebars is CommonJS with `export =`; require it (esModuleInterop is off).
const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsApi;
// An isolated handlebars environment: no helper or partial registered elsewhere can leak in.
const handlebars = Handlebars.create();
const render = handlebars.compile(htmlTemplate.replace('__STYLE__', htmlStyle).replace('__SCRIPT__', htmlScript), { strict: false, noEscape: false });

function anchorOf(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '_');
}

function frameId(caseAnchor: string, seq: number): string {
  return `f-${caseAnchor}-${seq}`;
}

function relTime(ms: number): string {
  return `+${(ms / 1000).toFixed(3)} s`;
}

/** Frames up to this size are shown indented; larger ones only as they came. */
const prettyMaxChars = 20_000;

/** A frame indented for reading, and the text as on the wire when that differs (it is the evidence). */
function frameTexts(text: string): { pretty: string; raw?: string } {
  if (text.length > prettyMaxChars) return { pretty: text };
  try {
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    return pretty === text ? { pretty } : { pretty, raw: text };
  } catch {
    return { pretty: text };
  }
}

const coverageBadge: Record<CoverageState, { badge: string; label: string }> = {
  failed: { badge: 'fail', label: 'failed' },
  inconclusive: { badge: 'inconclusive', label: 'inconclusive' },
  passed: { badge: 'pass', label: 'passed' },
  notRun: { badge: 'notApplicable', label: 'not run' },
};

function coverageView(run: RunResult) {
  const summary = requirementCoverage(run);
  const rows = summary.useCases.flatMap((u) => [
    ...u.requirements.map((r) => ({ useCase: u.useCase, id: r.id, ...coverageBadge[r.state], cases: r.cases.map((c) => c.id).join(', ') })),
    ...(u.cases.length > 0 ? [{ useCase: u.useCase, id: '(use case)', ...coverageBadge[u.state], cases: u.cases.map((c) => c.id).join(', ') }] : []),
  ]);
  return { line: coverageLine(summary), rows };
}

/** The selection as a sentence: what a reader needs, not the option object. */
function selectionWords(run: RunResult): string {
  const sel = run.selection as { only?: unknown; blocks?: unknown; profiles?: unknown };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  const parts = [
    list(sel.only).length > 0 ? `ids matching ${list(sel.only).join(', ')}` : '',
    list(sel.blocks).length > 0 ? `block${list(sel.blocks).length > 1 ? 's' : ''} ${list(sel.blocks).join(', ')}` : '',
    list(sel.profiles).length > 0 ? `profile${list(sel.profiles).length > 1 ? 's' : ''} ${list(sel.profiles).join(', ')}` : '',
  ].filter(Boolean);
  const scope = `OCPP ${run.version} ${run.sut === 'cs' ? '_CS' : '_CSMS'} case`;
  return parts.length > 0 ? `${scope}s with ${parts.join(' and ')}` : `every ${scope} in the catalogue`;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

function caseView(t: CaseResult, run: RunResult) {
  const anchor = anchorOf(t.id);
  const inTrace = new Set(t.trace.map((f) => f.seq));
  const frameRef = (seq: number) => (inTrace.has(seq) ? { seq, id: frameId(anchor, seq) } : undefined);
  const labels = labelFrames(t.trace);
  // What failed, on the chart: frames a failed check cites are marked, and an expectation that
  // saw nothing is drawn as a missing message after the last frame.
  // A check that expected a message names it first ("StatusNotification with …"): the cited
  // frames of that action are the culprits; when none of them is, they were only the candidates
  // it looked at, and what it expected is what is missing.
  const failed = t.steps.flatMap((s) => s.checks).filter((c) => !c.ok && c.severity !== 'warning');
  const badSeqs = new Set<number>();
  const missing: string[] = [];
  for (const c of failed) {
    const action = /^([A-Z][A-Za-z0-9]+)\b/.exec(c.expected)?.[1];
    const cited = labels.filter((l) => c.frames.includes(l.seq));
    const culprits = action === undefined ? cited : cited.filter((l) => l.label === action || l.label.startsWith(`${action} `));
    for (const l of culprits) badSeqs.add(l.seq);
    if (culprits.length === 0) missing.push(c.expected);
  }
  return {
    anchor,
    id: t.id,
    title: t.title,
    verdict: t.verdict,
    verdictLabel: verdictLabel[t.verdict],
    message: t.message,
    blockTitle: blockSummaries({ tests: [t], version: run.version })[0]?.title ?? t.block,
    certification: t.certification.length > 0 ? t.certification.map((c) => `${c.profile} (${c.need === 'M' ? 'mandatory' : 'conditional'})`).join(', ') : 'no certification profile',
    applicability: t.applicability.reason,
    // Issue #10 traceability: official validated steps, traced to checks, waived with a reason.
    validations: t.validations ? `official validations: ${t.validations.traced} of ${t.validations.official} traced${t.validations.waived > 0 ? `, ${t.validations.waived} waived` : ''}` : undefined,
    startedAt: t.startedAt,
    duration: t.verdict === 'notApplicable' ? '–' : formatDuration(t.durationMs),
    steps: t.steps.map((s) => ({
      title: s.title,
      verdict: s.verdict,
      message: s.message,
      duration: formatDuration(s.durationMs),
      checks: s.checks.map((c) => ({
        description: c.description,
        cls: c.ok ? 'ok' : c.severity === 'warning' ? 'warn' : 'bad',
        result: c.ok ? 'ok' : c.severity === 'warning' ? 'warning' : 'failed',
        expected: c.expected,
        actual: c.actual,
        timing: c.timing ? { what: c.timing.what, ...timingWords(c.timing), cls: c.timing.ok ? 'ok' : 'bad' } : undefined,
        frames: c.frames.flatMap((seq) => frameRef(seq) ?? []),
      })),
    })),
    findings: t.findings.map((f) => ({
      layer: f.layer,
      severity: f.severity,
      code: f.code,
      action: f.action ?? '',
      message: f.message,
      frame: f.frameSeq === undefined ? undefined : frameRef(f.frameSeq),
    })),
    warnings: t.warnings,
    msc: labels.map((l) => ({ time: relTime(l.relMs), seq: l.seq, kind: l.kind, label: l.label, dir: l.direction === 'in' ? 'to-harness' : 'to-dut', bad: badSeqs.has(l.seq) })),
    missing,
    frames: t.trace.map((f) => ({
      id: frameId(anchor, f.seq),
      seq: f.seq,
      time: relTime(f.relMs),
      dir: f.direction === 'in' ? 'DUT → harness' : 'harness → DUT',
      // Issue #12: an oversized frame is only its head here; say where the rest is.
      ...(f.stored
        ? { pretty: `${f.text}… [first ${f.stored.headLength} of ${f.stored.length} characters (${f.stored.bytes} bytes); the whole frame is in wire.jsonl, seq ${f.seq}, sha256 ${f.stored.sha256}]` }
        : frameTexts(f.text)),
    })),
  };
}

function picsView(run: RunResult): { note?: string; items: Array<{ id: string; value: string }> } {
  const pics = run.pics !== null && typeof run.pics === 'object' ? (run.pics as Record<string, unknown>) : {};
  const items = pics['items'] !== null && typeof pics['items'] === 'object' ? (pics['items'] as Record<string, unknown>) : {};
  const rows = Object.entries(items).map(([id, value]) => ({ id, value: valueText(value) }));
  const claimed = claimedProfiles(run);
  const notes: string[] = [];
  if (pics['claimAll'] === true) notes.push('No PICS was given: every selected case ran.');
  if (typeof pics['file'] === 'string') notes.push(`PICS file: ${pics['file']}.`);
  if (claimed !== undefined) notes.push(`Claimed certification profiles: ${claimed.length > 0 ? claimed.join(', ') : 'none'}.`);
  if (run.faults) {
    const hits = run.tests.reduce((n, t) => n + (t.faults?.filter((f) => f.fault !== 'delay').length ?? 0), 0);
    notes.push(`Faults injected: profile ${run.faults.profile} (${run.faults.spec}, seed ${run.faults.seed}); ${hits} frame${hits === 1 ? '' : 's'} dropped, duplicated, reordered, corrupted or closed on (per case in report.json, "faults").`);
  }
  const beyond = run.summary.beyondOfficial;
  if (beyond) notes.push(`Beyond the official catalogue: ${beyond.total} robustness case${beyond.total === 1 ? '' : 's'} (RB_ ids, ${beyond.byVerdict.pass} passed), not part of any certification profile.`);
  return { ...(notes.length > 0 ? { note: notes.join(' ') } : {}), items: rows };
}

export function htmlView(run: RunResult) {
  const side = sideWords(run.sut);
  const dutName = [run.dut['vendor'], run.dut['model']].filter(Boolean).join(' ');
  // SUT = CSMS: the station id is the harness's own, the DUT is the CSMS at its URL.
  const identity = run.sut === 'csms' ? run.dut['csmsUrl'] || dutName || 'unknown CSMS' : dutName || run.dut['stationId'] || 'unknown station';
  const counts = run.summary.byVerdict;
  const facts: Array<{ label: string; value: string }> = [
    ...Object.entries(run.dut).map(([k, v]) => ({ label: `DUT ${k}`, value: String(v) })),
    { label: 'OCPP version', value: run.version },
    { label: 'system under test', value: side },
    { label: 'harness plays', value: run.sut === 'cs' ? 'CSMS' : 'charging station' },
    { label: 'security profile', value: String(run.securityProfile) },
    { label: 'DUT adapter', value: run.dutAdapter },
    { label: 'started', value: run.startedAt },
    { label: 'ended', value: run.endedAt ?? '(not finished)' },
    { label: 'selection', value: selectionWords(run) },
    { label: 'tool', value: `${run.tool.name} ${run.tool.version}` },
  ];
  const problems = counts.fail + counts.inconclusive + counts.error;
  return {
    csp,
    title: `OCPP ${run.version} conformance report — ${side} ${identity}`,
    subtitle: `${run.tool.name} ${run.tool.version} · started ${run.startedAt}${run.endedAt ? ` · ended ${run.endedAt}` : ''}`,
    partial: run.partial && !run.interrupted,
    interrupted: run.interrupted,
    casesDone: `${run.tests.length} case${run.tests.length === 1 ? '' : 's'} in this report.`,
    profiles: profileSummaries(run).map((p) => ({ line: p.line, cls: p.mandatoryComplete && p.conditional.byVerdict.pass === p.conditional.applicable ? 'ok' : p.mandatory.applicable + p.conditional.applicable === 0 ? 'none' : 'bad' })),
    sentence: verdictSentence(counts, run.summary.total),
    ...(run.summary.beyondOfficial ? { beyond: beyondView(run, run.summary.beyondOfficial) } : {}),
    runFindings: (run.runFindings ?? []).map((f) => ({ origin: f.origin, layer: f.finding.layer, code: f.finding.code, message: f.finding.message })),
    facts,
    config: JSON.stringify(run.config ?? null, null, 2),
    pics: picsView(run),
    filters: [
      { filter: 'all', label: 'all', count: run.summary.total },
      ...(problems > 0 ? [{ filter: 'problems', label: 'not passed', count: problems }] : []),
      ...verdictOrder.filter((v: Verdict) => counts[v] > 0).map((v) => ({ filter: v, label: verdictLabel[v], count: counts[v] })),
    ],
    blocks: blockSummaries(run).map((b) => ({
      title: b.title,
      sentence: verdictSentence(b.byVerdict, b.total),
      rows: run.tests
        .filter((t) => t.block === b.block)
        .map((t) => ({ anchor: anchorOf(t.id), id: t.id, title: t.title, verdict: t.verdict, verdictLabel: verdictLabel[t.verdict], duration: t.verdict === 'notApplicable' ? '–' : formatDuration(t.durationMs) })),
    })),
    cases: run.tests.map((t) => caseView(t, run)),
    coverage: coverageView(run),
    harnessLane: `harness (${run.sut === 'cs' ? 'CSMS' : 'charging station'})`,
    dutLane: `DUT (${side})`,
    footer: `${run.tool.name} ${run.tool.version} — report format 1; frames are shown as received, secrets redacted.`,
  };
}

/** The robustness cases of the run (issue #16), apart from the certification summary. */
function beyondView(run: RunResult, beyond: NonNullable<RunResult['summary']['beyondOfficial']>) {
  return {
    sentence: verdictSentence(beyond.byVerdict, beyond.total),
    rows: run.tests.flatMap((t) =>
      t.robustness ? [{ anchor: anchorOf(t.id), id: t.id, ib: t.robustness.ib, severity: t.robustness.severity, verdict: t.verdict, verdictLabel: verdictLabel[t.verdict], clause: t.robustness.clause, notCovered: t.robustness.notCovered ?? '' }] : [],
    ),
  };
}

export function renderHtml(run: RunResult): string {
  return render(htmlView(run));
}

/** report.html at the end of the run (rendering every case is heavier than JSON, so not per case). */
export function htmlReporter(file: string): Reporter {
  return {
    onRunEnd: (run) => writeFileAtomic(file, renderHtml(run)),
  };
}
