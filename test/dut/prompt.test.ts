import { expect } from 'chai';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { userInfo } from 'node:os';
import { noTtyReason, PromptAdapter, promptText, skippedReason } from '../../src/dut/prompt.js';
import type { DutActionResult } from '../../src/engine/dut-adapter.js';
import { actionRequest, neverAborts } from './support.js';

const childScript = fileURLToPath(new URL('./fixtures/prompt-child.js', import.meta.url));
const childDeadlineMs = 10_000;

function hasScript(): boolean {
  try {
    execFileSync('which', ['script'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** util-linux `script` gives the child a real pseudo-terminal; python3's pty module otherwise. */
function ptyCommand(command: string): [string, string[]] {
  if (hasScript()) return ['script', ['-qfec', command, '/dev/null']];
  const wrapper = 'import pty, sys; sys.exit(pty.spawn(["sh", "-c", sys.argv[1]]) >> 8)';
  return ['python3', ['-c', wrapper, command]];
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Run the child, type `answer` once the question shows, and return what it reports.
 * With `pty: false` the child gets plain pipes and nothing is typed.
 */
async function runChild(options: { pty: boolean; answer?: string }): Promise<{ result: DutActionResult; output: string; exitCode: number | null }> {
  const node = `${shellQuote(process.execPath)} ${shellQuote(childScript)}`;
  const [file, args] = options.pty ? ptyCommand(node) : [process.execPath, [childScript]];
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let answered = false;
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child did not finish within ${childDeadlineMs} ms; output so far: ${output}`)), childDeadlineMs);
      const onOutput = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        if (!answered && options.answer !== undefined && output.includes('press Enter when done')) {
          answered = true;
          child.stdin.write(options.answer);
        }
      };
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.on('error', reject);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        const line = output.split(/\r?\n/).find((l) => l.startsWith('RESULT '));
        if (!line) {
          reject(new Error(`child reported no result (exit ${exitCode}); output: ${output}`));
          return;
        }
        resolve({ result: JSON.parse(line.slice('RESULT '.length)) as DutActionResult, output, exitCode });
      });
    });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function until(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('dut/prompt', () => {
  describe('through a real pseudo-terminal', () => {
    it('Enter confirms: done, with who and when', async () => {
      const before = Date.now();
      const { result, output, exitCode } = await runChild({ pty: true, answer: '\r' });
      expect(output).to.contain("[TC_B_01_CS] Plug in the EV cable (EV side and station side) (evseId=1) — press Enter when done, or type 's' + Enter to skip");
      expect(result.done, output).to.be.true;
      if (!result.done) return;
      expect(result.by).to.equal(userInfo().username);
      expect(Date.parse(result.atWall!)).to.be.within(before - 1_000, Date.now() + 1_000);
      expect(exitCode).to.equal(0);
    });

    it("'s' + Enter skips: not done", async () => {
      const { result } = await runChild({ pty: true, answer: 's\r' });
      expect(result).to.deep.equal({ done: false, reason: skippedReason });
    });
  });

  it('without a TTY answers at once that nobody can be asked, and asks nothing', async () => {
    const started = Date.now();
    const { result, output } = await runChild({ pty: false });
    expect(result).to.deep.equal({ done: false, reason: noTtyReason });
    expect(output).not.to.contain('press Enter');
    // The child's own timeout is 10 s: answering well under it proves nothing waited for input.
    expect(Date.now() - started).to.be.below(5_000);
  });

  describe('with injected streams', () => {
    function streams(): { input: PassThrough; output: PassThrough; text: () => string } {
      const input = new PassThrough();
      const output = new PassThrough();
      let written = '';
      output.on('data', (c: Buffer) => (written += c.toString('utf8')));
      return { input, output, text: () => written };
    }

    it('asks again on an unknown answer, then takes Enter', async () => {
      const { input, output, text } = streams();
      const adapter = new PromptAdapter({ input, output, isTty: true, operator: () => 'alice', clock: { monoMs: () => 0, wallMs: () => 0, sleep: async () => undefined } });
      const pending = adapter.perform(actionRequest(), neverAborts());
      input.write('maybe\n');
      input.write('\n');
      expect(await pending).to.deep.equal({ done: true, by: 'alice', atWall: '1970-01-01T00:00:00.000Z' });
      expect(text()).to.equal(`${promptText(actionRequest())}\n  press Enter when done, or type 's' + Enter to skip\n`);
    });

    it('one question at a time; a raw "\\r\\n" split across chunks is one answer', async () => {
      const { input, output, text } = streams();
      const adapter = new PromptAdapter({ input, output, isTty: true, operator: () => 'bob' });
      const first = adapter.perform(actionRequest('plugIn'), neverAborts());
      const second = adapter.perform(actionRequest('presentIdToken', { idToken: 'ABC' }), neverAborts());
      expect(text()).not.to.contain('Present an idToken');
      input.write('\r');
      expect((await first).done).to.be.true;
      await until(() => text().includes('Present an idToken'));
      let settled = false;
      void second.then(() => (settled = true));
      input.write('\n'); // the rest of the first Enter: must not answer the second question
      await new Promise((r) => setTimeout(r, 20));
      expect(settled).to.be.false;
      input.write('s\n');
      expect(await second).to.deep.equal({ done: false, reason: skippedReason });
    });

    it('an Enter typed before the question does not confirm it', async () => {
      const { input, output } = streams();
      input.write('\n');
      const pending = new PromptAdapter({ input, output, isTty: true }).perform(actionRequest(), neverAborts());
      let settled = false;
      void pending.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(settled).to.be.false;
      input.write('s\n');
      expect(await pending).to.deep.equal({ done: false, reason: skippedReason });
    });

    it('times out, and aborts, as not done', async () => {
      const { input, output } = streams();
      const timed = new PromptAdapter({ input, output, isTty: true, timeoutMs: 30 });
      expect(await timed.perform(actionRequest(), neverAborts())).to.deep.equal({ done: false, reason: 'no answer from the operator within 30 ms' });
      const controller = new AbortController();
      const pending = new PromptAdapter({ input, output, isTty: true }).perform(actionRequest(), controller.signal);
      controller.abort();
      expect(await pending).to.deep.equal({ done: false, reason: 'aborted before the operator answered' });
    });

    it('without a TTY it never reads the input', async () => {
      const { input, output, text } = streams();
      input.write('\n');
      expect(await new PromptAdapter({ input, output, isTty: false }).perform(actionRequest(), neverAborts())).to.deep.equal({ done: false, reason: noTtyReason });
      expect(text()).to.equal('');
      // isTty defaults from the streams: PassThrough is not a TTY.
      expect(await new PromptAdapter({ input, output }).perform(actionRequest(), neverAborts())).to.deep.equal({ done: false, reason: noTtyReason });
    });
  });
});
