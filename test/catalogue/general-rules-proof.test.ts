/**
 * The general rules are checked by the runner after every case (issue #10): for each rule a
 * simulator defect that breaks it makes a case fail with the rule's finding, and the compliant
 * simulator breaks none of them. Real demo runs (harness ↔ simulator over loopback), in process.
 */
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };

interface Outcome {
  verdict: string;
  message: string;
  codes: string[];
}

async function run(version: OcppVersion, only: string[], defects: string[]): Promise<Map<string, Outcome>> {
  const runs = await runDemo({ versions: [version], suts: ['cs'], defects, only, reportDir: temp.make('ocpp-rules-'), reporters: ['json'] }, quiet);
  const map = new Map<string, Outcome>();
  for (const r of runs) for (const t of r.run?.tests ?? []) map.set(t.id, { verdict: t.verdict, message: t.message ?? '', codes: t.findings.map((f) => f.code) });
  return map;
}

/** rule → the defect that breaks it and the case(s) run (the last one is judged). */
const proofs: Array<{ rule: string; defect: string; version: OcppVersion; cases: string[] }> = [
  { rule: 'tx-seqno-sequential', defect: 'skips-seqno', version: '2.0.1', cases: ['TC_B_21_CS'] },
  { rule: 'tx-started-first-ended-last', defect: 'first-event-updated', version: '2.0.1', cases: ['TC_E_03_CS'] },
  { rule: 'tx-started-first-ended-last', defect: 'event-after-ended', version: '2.0.1', cases: ['TC_E_06_CS'] },
  { rule: 'tx-started-first-ended-last', defect: 'reuses-transaction-id', version: '2.0.1', cases: ['TC_E_03_CS', 'TC_E_04_CS'] },
  { rule: 'tx-idtoken-after-authorization', defect: 'no-idtoken-after-authorize', version: '2.0.1', cases: ['TC_E_04_CS'] },
  { rule: 'tx-evse-after-plug-in', defect: 'no-evse-after-plug-in', version: '2.0.1', cases: ['TC_E_03_CS'] },
  { rule: 'tx-remote-start-first-event', defect: 'no-remote-start-trigger', version: '2.0.1', cases: ['TC_F_01_CS'] },
  { rule: 'no-calls-while-rejected-or-pending', defect: 'sends-before-boot-accepted', version: '2.0.1', cases: ['TC_B_03_CS'] },
  { rule: 'unique-call-message-ids', defect: 'restarts-message-ids', version: '2.0.1', cases: ['TC_B_20_CS'] },
  { rule: 'unique-call-message-ids', defect: 'restarts-message-ids', version: '1.6', cases: ['TC_013_CS'] },
  { rule: 'v16-known-transaction-id', defect: 'stop-unknown-transaction-id', version: '1.6', cases: ['TC_003_CS'] },
  { rule: 'v16-status-during-transaction', defect: 'available-during-transaction', version: '1.6', cases: ['TC_003_CS'] },
];

describe('general rules: each is caught after the case, with its finding', function () {
  this.timeout(5 * 60_000);
  after(() => temp.removeAll());

  for (const p of proofs) {
    it(`${p.rule}: ${p.cases.at(-1)} fails with --defect ${p.defect}`, async () => {
      const outcome = (await run(p.version, p.cases, [p.defect])).get(p.cases.at(-1) as string);
      expect(outcome?.verdict, outcome?.message).to.equal('fail');
      expect(outcome?.codes, outcome?.message).to.include(`rule.${p.rule}`);
    });
  }

  it('the compliant simulator breaks none of them in the same cases', async () => {
    for (const version of ['2.0.1', '1.6'] as const) {
      const cases = [...new Set(proofs.filter((p) => p.version === version).flatMap((p) => p.cases))];
      const outcomes = await run(version, cases, []);
      const broken = [...outcomes].filter(([, o]) => o.verdict !== 'pass' || o.codes.some((c) => c.startsWith('rule.'))).map(([id, o]) => `${id}: ${o.verdict} ${o.message}`);
      expect(broken, version).to.deep.equal([]);
    }
  });
});

describe('general rule triggered-message-sent: a warning, never a verdict by itself', function () {
  this.timeout(3 * 60_000);
  after(() => temp.removeAll());

  it('TC_F_20_CS with --defect trigger-message-ignored carries the warning finding; the compliant run none', async () => {
    const broken = await runDemo({ versions: ['2.0.1'], suts: ['cs'], defects: ['trigger-message-ignored'], only: ['TC_F_20_CS'], reportDir: temp.make('ocpp-rules-'), reporters: ['json'] }, quiet);
    const bt = broken[0]?.run?.tests.find((t) => t.id === 'TC_F_20_CS');
    const warning = bt?.findings.find((f) => f.code === 'rule.triggered-message-sent');
    expect(warning, bt?.message).to.not.equal(undefined);
    expect(warning?.severity).to.equal('warning');
    expect(warning?.message).to.match(/answered Accepted, but no \w+ followed/);
    const fine = await runDemo({ versions: ['2.0.1'], suts: ['cs'], defects: [], only: ['TC_F_20_CS'], reportDir: temp.make('ocpp-rules-'), reporters: ['json'] }, quiet);
    const ft = fine[0]?.run?.tests.find((t) => t.id === 'TC_F_20_CS');
    expect(ft?.verdict, ft?.message).to.equal('pass');
    expect(ft?.findings.map((f) => f.code)).to.not.include('rule.triggered-message-sent');
  });
});
