import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { checkDutMap, fill, loadDutMap } from '../../src/dut/map.js';
import { HarnessError } from '../../src/errors.js';
import { repoRoot } from '../catalogue/support.js';

describe('dut/map: DUT control as data', () => {
  it('fills placeholders: a lone one keeps its type, URLs are percent-encoded, env and params are reachable', () => {
    const vars = (n: string): unknown => ({ evseId: 1, idToken: '04A1 B2', params: { a: 1 }, 'env.KEY': 's3' })[n];
    expect(fill({ evse: '{evseId}', token: { value: '{idToken}' }, all: '{params}', key: 'k={env.KEY}' }, vars)).to.deep.equal({ evse: 1, token: { value: '04A1 B2' }, all: { a: 1 }, key: 'k=s3' });
    expect(fill('/x/{idToken}?e={evseId}', vars, true)).to.equal('/x/04A1%20B2?e=1');
  });

  it('refuses unknown actions and entries without url or command, naming the entry', () => {
    const msg = (data: unknown): string => {
      try {
        checkDutMap(data, 'm.yaml');
      } catch (err) {
        expect(err).to.be.instanceOf(HarnessError);
        return (err as HarnessError).message;
      }
      return 'accepted';
    };
    expect(msg({ actions: { plugin: { url: '/x' } } })).to.include('unknown action "plugin"');
    expect(msg({ actions: { plugIn: { method: 'POST' } } })).to.include('plugIn needs a url or a command');
    expect(msg({ actions: {}, unsupported: ['nope'] })).to.include('unknown action "nope"');
    expect(msg({ actions: { powerCycle: { command: 'reboot' } }, unsupported: ['driveIn'] })).to.equal('accepted');
  });

  it('every shipped example map loads', () => {
    const dir = path.join(repoRoot, 'examples', 'dut-maps');
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files).to.include.members(['sim-control.yaml', 'octt-trigger.yaml', 'rest-csms.yaml']);
    for (const f of files) expect(Object.keys(loadDutMap(path.join(dir, f), dir).actions).length, f).to.be.greaterThan(0);
  });
});
