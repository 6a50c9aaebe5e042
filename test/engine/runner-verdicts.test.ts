/**
 * How the runner turns a case's run into its verdict: applicability by profile and PICS, findings
 * of the DUT's frames (errors fail a passing case, warnings and harness-frame findings are
 * warnings), failed warning checks, the trace relative to the case start, restore problems
 * carried to the next case, and an interrupt.
 */
import { expect } from 'chai';
import { defineTestCase, type TestCaseDefinition } from '../../src/engine/define.js';
import { applicabilityOf, runCases } from '../../src/engine/runner.js';
import { summarise } from '../../src/engine/run-model.js';
import { StateRegistry } from '../../src/engine/states.js';
import type { RunInfo } from '../../src/engine/run-model.js';
import { journalContext, type JournalContext } from '../helpers/journal-context.js';

const tc = (id: string, run: TestCaseDefinition['run'], extra: Partial<TestCaseDefinition> = {}) =>
  defineTestCase({ id, version: '2.0.1', sut: 'cs', block: 'X', title: `title ${id}`, certification: [{ profile: 'Core', need: 'M' }], detects: ['d'], run, ...extra });
const info = { tool: { name: 't', version: '0' }, startedAt: 'now', version: '2.0.1', sut: 'cs', dut: {}, securityProfile: 0, dutAdapter: 'none', pics: {}, config: {}, selection: {} } as RunInfo;

describe('engine/runner verdicts', () => {
  describe('applicabilityOf', () => {
    const conditional = tc('TC_X_01_CS', async () => undefined, { certification: [{ profile: 'Core', need: 'C' }], applies: { item: 'C-01' } });
    const mandatory = tc('TC_X_02_CS', async () => undefined);

    it('without PICS every case runs, unless a declared item rules it out', () => {
      expect(applicabilityOf(conditional, { items: {}, claimAll: true })).to.deep.equal({ applies: true, reason: 'no PICS given: every selected case runs' });
      expect(applicabilityOf(conditional, { items: { 'C-01': false }, claimAll: true })).to.deep.equal({ applies: false, reason: 'PICS C-01 = false (needs true)' });
      expect(applicabilityOf(conditional, { items: { 'C-01': true }, claimAll: true }).applies).to.equal(true);
      expect(applicabilityOf(mandatory, { items: { 'C-01': false }, claimAll: true }).applies).to.equal(true);
    });

    it('with PICS: the profile must be claimed; mandatory runs; conditional needs its condition', () => {
      expect(applicabilityOf(mandatory, { items: {}, certificationProfiles: ['Advanced Security'] })).to.deep.equal({ applies: false, reason: 'certification profile not claimed (case belongs to: Core)' });
      expect(applicabilityOf(tc('TC_X_03_CS', async () => undefined, { certification: [] }), { items: {} })).to.deep.equal({ applies: false, reason: 'certification profile not claimed (case belongs to: none (not in Part 5))' });
      expect(applicabilityOf(mandatory, { items: {}, certificationProfiles: ['Core'] })).to.deep.equal({ applies: true, reason: 'mandatory for Core' });
      expect(applicabilityOf(conditional, { items: { 'C-01': true }, certificationProfiles: ['Core'] })).to.deep.equal({ applies: true, reason: 'conditional: PICS C-01 = true' });
      expect(applicabilityOf(conditional, { items: {}, certificationProfiles: ['Core'] })).to.deep.equal({ applies: false, reason: 'PICS C-01 is not declared' });
    });
  });

  const run = async (cases: ReturnType<typeof tc>[] | ((jc: JournalContext) => ReturnType<typeof tc>[]), extra: { restore?: () => Promise<void>; abortAfterFirst?: boolean } = {}) => {
    const jc = journalContext();
    const events: string[] = [];
    const result = await runCases({
      cases: typeof cases === 'function' ? cases(jc) : cases, link: jc.link, adapter: { kind: 'none', perform: async () => ({ done: true }) }, config: jc.ctx.config, pics: { items: {}, claimAll: true }, clock: jc.clock, signal: jc.abort.signal, states: new StateRegistry(), info,
      reporter: {
        onRunBegin: (_i, n) => { events.push(`begin ${n}`); },
        onCaseBegin: (c) => { events.push(`case ${c.index + 1}/${c.total} ${c.id}`); },
        onCaseEnd: (r) => { events.push(`end ${r.id} ${r.verdict}`); if (extra.abortAfterFirst) jc.abort.abort(); },
        onRunEnd: () => { events.push('runEnd'); },
      },
      frames: { lastSeq: () => 0, since: () => [{ seq: 1, connectionId: 'c1', direction: 'in', wallTime: 'w', monoMs: jc.clock.monoMs() + 12.3456, text: '[2]' }] },
      ...(extra.restore ? { restore: extra.restore } : {}),
    });
    return { result, events, jc };
  };

  it('a DUT frame with an error finding fails a passing case; a warning finding and a harness-frame finding are warnings', async () => {
    const jcCase = ({ journal: j }: JournalContext) => [tc('TC_X_04_CS', async (ctx) => {
      j.add({ kind: 'finding', connectionId: 'c1', monoMs: 0, finding: { layer: 'schema', severity: 'error', code: 'schema.required', message: 'x missing', action: 'BootNotification', direction: 'in' } });
      j.add({ kind: 'finding', connectionId: 'c1', monoMs: 0, finding: { layer: 'format', severity: 'warning', code: 'format.f', message: 'odd', direction: 'in' } });
      j.add({ kind: 'finding', connectionId: 'c1', monoMs: 0, finding: { layer: 'format', severity: 'error', code: 'format.g', message: 'ours', direction: 'out' } });
      ctx.check('soft', false, { expected: 'a', actual: 'b', severity: 'warning' });
    })];
    const { result } = await run(jcCase);
    const r = result.tests[0]!;
    expect(r.verdict).to.equal('fail');
    expect(r.message).to.equal('1 invalid message from the DUT; first: [schema] BootNotification x missing');
    expect(r.findings.map((f) => f.code)).to.deep.equal(['schema.required', 'format.f']);
    expect(r.warnings).to.deep.equal(['format: odd', 'harness frame: ours', 'soft: b']);
    expect(r.trace).to.deep.equal([{ seq: 1, connectionId: 'c1', direction: 'in', wallTime: 'w', relMs: 12.346, text: '[2]' }]);
  });

  it('runs every case in order, reports each, and summarises', async () => {
    const { result, events } = await run([tc('TC_X_05_CS', async () => undefined), tc('TC_X_06_CS', async (ctx) => ctx.fail('wrong')), tc('TC_X_07_CS', async () => { throw new Error('bug'); })]);
    expect(events).to.deep.equal(['begin 3', 'case 1/3 TC_X_05_CS', 'end TC_X_05_CS pass', 'case 2/3 TC_X_06_CS', 'end TC_X_06_CS fail', 'case 3/3 TC_X_07_CS', 'end TC_X_07_CS error', 'runEnd']);
    expect(result.tests.map((t) => [t.verdict, t.message])).to.deep.equal([['pass', undefined], ['fail', 'wrong'], ['error', 'harness error: bug']]);
    expect(result.summary).to.deep.equal(summarise(result.tests));
    expect(result.summary.byVerdict).to.include({ pass: 1, fail: 1, error: 1 });
    expect([result.partial, result.interrupted]).to.deep.equal([false, false]);
  });

  it('a failed restore is tried again before the next case: inconclusive naming why and where while it fails, the case runs once it succeeds', async () => {
    let restores = 0;
    const { result } = await run([tc('TC_X_08_CS', async () => undefined), tc('TC_X_09_CS', async () => undefined), tc('TC_X_10_CS', async () => undefined)], {
      // 1: after X_08 fails; 2: the retry before X_09 fails too; 3: the retry before X_10 succeeds.
      restore: async () => { restores += 1; if (restores <= 2) throw new Error('station stuck'); },
    });
    expect(result.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'inconclusive', 'pass']);
    expect(result.tests[1]!.message).to.equal('the DUT could not be brought back to the general preconditions after an earlier case: station stuck (cleanup after TC_X_08_CS)');
  });

  it('a restore that keeps failing (a station that never boots again) marks every later case, not only the next', async () => {
    const cases = ['TC_X_20_CS', 'TC_X_21_CS', 'TC_X_22_CS', 'TC_X_23_CS'].map((id) => tc(id, async () => undefined));
    const { result } = await run(cases, { restore: async () => { throw new Error('the station did not boot again'); } });
    expect(result.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'inconclusive', 'inconclusive', 'inconclusive']);
    for (const t of result.tests.slice(1)) expect(t.message).to.include('did not boot again (cleanup after TC_X_20_CS)');
  });

  it('an interrupt stops before the next case and marks the run interrupted', async () => {
    const { result } = await run([tc('TC_X_11_CS', async () => undefined), tc('TC_X_12_CS', async () => undefined)], { abortAfterFirst: true });
    // The case not started is listed as notRun (issue #12), so the report still shows all of them.
    expect(result.tests.map((t) => `${t.id} ${t.verdict}`)).to.deep.equal(['TC_X_11_CS pass', 'TC_X_12_CS notRun']);
    expect([result.interrupted, result.partial]).to.deep.equal([true, true]);
  });
});

