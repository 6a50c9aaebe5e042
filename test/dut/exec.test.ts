import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecAdapter, execEnvironment, paramEnvName } from '../../src/dut/exec.js';
import { HarnessError } from '../../src/errors.js';
import { actionRequest, neverAborts } from './support.js';

/** Running, not merely a zombie waiting for an init that may reap late (as in some containers). */
function isAlive(pid: number): boolean {
  if (!existsSync('/proc/self/stat')) return signalable(pid);
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('dut/exec', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-conform-exec-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names each param OCPP_CONFORM_PARAM_<UPPER_SNAKE>', () => {
    expect(paramEnvName('evseId')).to.equal('OCPP_CONFORM_PARAM_EVSE_ID');
    expect(paramEnvName('idToken')).to.equal('OCPP_CONFORM_PARAM_ID_TOKEN');
    expect(paramEnvName('IDTokenType')).to.equal('OCPP_CONFORM_PARAM_ID_TOKEN_TYPE');
    expect(paramEnvName('connector-id')).to.equal('OCPP_CONFORM_PARAM_CONNECTOR_ID');
    expect(paramEnvName('--')).to.be.undefined;
    const env = execEnvironment(actionRequest('presentIdToken', { idToken: { idToken: 'ABC', type: 'ISO14443' }, evseId: 2, skip: undefined }));
    expect(env['OCPP_CONFORM_PARAM_ID_TOKEN']).to.equal('{"idToken":"ABC","type":"ISO14443"}');
    expect(env['OCPP_CONFORM_PARAM_EVSE_ID']).to.equal('2');
    expect(env).not.to.have.property('OCPP_CONFORM_PARAM_SKIP');
  });

  it('gives the command the action in its environment; exit 0 is done with the last stdout line', async () => {
    const command = [
      'echo "$OCPP_CONFORM_ACTION"',
      'echo "$OCPP_CONFORM_PARAMS"',
      'echo "$OCPP_CONFORM_INSTRUCTION"',
      'echo "$OCPP_CONFORM_TESTCASE $OCPP_CONFORM_STATION_ID $OCPP_CONFORM_OCPP_VERSION"',
      'echo "evse=$OCPP_CONFORM_PARAM_EVSE_ID token=$OCPP_CONFORM_PARAM_ID_TOKEN"',
    ].join('; ');
    const result = await new ExecAdapter({ command: `(${command}) > ${dir}/env.txt; echo all set; echo` }).perform(
      actionRequest('presentIdToken', { idToken: 'ABC', evseId: 1 }),
      neverAborts(),
    );
    expect(result).to.deep.equal({ done: true, detail: 'all set' });
    const lines = (await readFile(join(dir, 'env.txt'), 'utf8')).trimEnd().split('\n');
    expect(lines).to.deep.equal([
      'presentIdToken',
      '{"idToken":"ABC","evseId":1}',
      'Present an idToken (card) at the station (idToken=ABC, evseId=1)',
      'TC_B_01_CS CP001 2.0.1',
      'evse=1 token=ABC',
    ]);
  });

  it('a non-zero exit is not done, with the code and the last stderr line', async () => {
    const result = await new ExecAdapter({ command: 'echo progress; echo first >&2; echo "relay stuck" >&2; exit 3' }).perform(actionRequest(), neverAborts());
    expect(result).to.deep.equal({ done: false, reason: 'the command exited with code 3: relay stuck' });
  });

  it('a command that outlives its deadline is killed with its children, and the answer comes anyway', async () => {
    const pidFile = join(dir, 'child.pid');
    const started = Date.now();
    // Both ignore SIGTERM (an ignored signal is inherited), so only the SIGKILL to the group ends
    // them; the background sleep also holds stdout open, which must not make us wait.
    const result = await new ExecAdapter({ command: `trap '' TERM; sleep 30 & echo $! > ${pidFile}; wait`, timeoutMs: 200, killGraceMs: 200 }).perform(
      actionRequest(),
      neverAborts(),
    );
    expect(result).to.deep.equal({ done: false, reason: 'the command did not finish within 200 ms (its process group was killed)' });
    expect(Date.now() - started).to.be.below(3_000);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    const deadline = Date.now() + 2_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(isAlive(pid), `background child ${pid} still alive`).to.be.false;
  });

  it('the abort signal kills the command: not done', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await new ExecAdapter({ command: 'sleep 30', timeoutMs: 10_000 }).perform(actionRequest(), controller.signal);
    expect(result).to.deep.equal({ done: false, reason: 'aborted while the command ran (its process group was killed)' });
  });

  it('exits quickly even if a background child holds the pipes open after the command ends', async () => {
    const pidFile = join(dir, 'bg.pid');
    const started = Date.now();
    const result = await new ExecAdapter({ command: `sleep 5 & echo $! > ${pidFile}; echo started` }).perform(actionRequest(), neverAborts());
    expect(result).to.deep.equal({ done: true, detail: 'started' });
    expect(Date.now() - started).to.be.below(2_000);
    process.kill(Number((await readFile(pidFile, 'utf8')).trim()), 'SIGKILL');
  });

  it('refuses an empty command', () => {
    expect(() => new ExecAdapter({ command: '  ' })).to.throw(HarnessError).with.property('code', 'E_DUT_ADAPTER');
  });
});
