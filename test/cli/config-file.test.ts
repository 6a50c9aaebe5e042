import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { closestNames, describeConfig, editDistance, loadConfig, passwordEnvVar } from '../../src/cli/config-file.js';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import { HarnessError } from '../../src/errors.js';

const secret = 'S3cr3t-Pa55word-Xy';

async function rejection(promise: Promise<unknown>): Promise<HarnessError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(HarnessError);
    return error as HarnessError;
  }
  throw new Error('expected the promise to reject');
}

describe('cli/config-file', () => {
  let dir: string;
  const file = async (name: string, text: string): Promise<string> => {
    const p = path.join(dir, name);
    await writeFile(p, text);
    return p;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ocpp-conform-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the defaults when no file, no environment and no overrides are given', async () => {
    const config = await loadConfig(undefined, {}, {});
    expect(config).to.deep.equal(defaultConfiguredValues);
    // A copy: changing the result must not change the defaults.
    config.idTokens.valid.idToken = 'CHANGED';
    expect(defaultConfiguredValues.idTokens.valid.idToken).to.not.equal('CHANGED');
  });

  it('loads YAML and deep-merges it onto the defaults', async () => {
    const p = await file(
      'lab.yaml',
      ['# the lab station', 'stationId: LAB-7', 'securityProfile: 2', 'idTokens:', '  valid:', '    idToken: "04A2B3C4"', 'extra:', '  hook: http://x'].join('\n'),
    );
    const config = await loadConfig(p, {}, {});
    expect(config.stationId).to.equal('LAB-7');
    expect(config.securityProfile).to.equal(2);
    expect(config.idTokens.valid).to.deep.equal({ idToken: '04A2B3C4', type: 'ISO14443' });
    expect(config.idTokens.blocked).to.deep.equal(defaultConfiguredValues.idTokens.blocked);
    expect(config.extra).to.deep.equal({ hook: 'http://x' });
    expect(config.toleranceMs).to.equal(defaultConfiguredValues.toleranceMs);
  });

  it('loads JSON, and a file without a known extension as JSON or YAML', async () => {
    const json = await file('lab.json', JSON.stringify({ version: 1, evseId: 2, connectorId: 3, idTokens: { invalid: { idToken: 'BAD', type: 'Central' } } }));
    const config = await loadConfig(json, {}, {});
    expect(config.evseId).to.equal(2);
    expect(config.connectorId).to.equal(3);
    expect(config.idTokens.invalid).to.deep.equal({ idToken: 'BAD', type: 'Central' });
    expect(config).to.not.have.property('version');

    expect((await loadConfig(await file('lab.conf', '{"evseId": 4}'), {}, {})).evseId).to.equal(4);
    expect((await loadConfig(await file('lab.cfg', 'evseId: 5\n'), {}, {})).evseId).to.equal(5);
    expect(await loadConfig(await file('empty.yaml', ''), {}, {})).to.deep.equal(defaultConfiguredValues);
  });

  it('lets command-line overrides win over the file and the environment, and ignores undefined ones', async () => {
    const p = await file('lab.yaml', 'stationId: FROM-FILE\ntoleranceMs: 1000\nsecurityProfile: 1\n');
    const config = await loadConfig(p, { stationId: 'FROM-CLI', securityProfile: 3, toleranceMs: undefined, basicAuthPassword: 'cli-password-0001' }, { [passwordEnvVar]: secret });
    expect(config.stationId).to.equal('FROM-CLI');
    expect(config.securityProfile).to.equal(3);
    expect(config.toleranceMs).to.equal(1000);
    expect(config.basicAuthPassword).to.equal('cli-password-0001');
  });

  it(`takes the password from ${passwordEnvVar} over the file`, async () => {
    expect((await loadConfig(undefined, {}, { [passwordEnvVar]: secret })).basicAuthPassword).to.equal(secret);
    const p = await file('lab.yaml', 'basicAuthPassword: in-the-file-0001\n');
    expect((await loadConfig(p, {}, {})).basicAuthPassword).to.equal('in-the-file-0001');
    expect((await loadConfig(p, {}, { [passwordEnvVar]: secret })).basicAuthPassword).to.equal(secret);
  });

  it('names the field, the expected type and a hint for a wrong type', async () => {
    const p = await file('lab.yaml', 'idTokens:\n  valid:\n    idToken: 1234\n');
    const error = await rejection(loadConfig(p, {}, {}));
    expect(error.code).to.equal('E_CONFIG');
    expect(error.exitCode).to.equal(2);
    expect(error.message).to.contain(`config file ${p}`);
    expect(error.message).to.contain('field "idTokens.valid.idToken" must be a string');
    expect(error.message).to.contain('(got 1234)');
    expect(error.hint).to.match(/^set idTokens\.valid\.idToken to the card id/);
    expect(error.hint).to.contain('"04A2B3C4"');
  });

  it('explains enum, range, missing-field and top-level problems with a hint each', async () => {
    const cases: Array<[string, RegExp]> = [
      ['securityProfile: 5\n', /field "securityProfile" must be one of 0, 1, 2, 3 \(got 5\)/],
      ['evseId: 0\n', /field "evseId" must be at least 1 \(got 0\)/],
      ['evseId: "1"\n', /field "evseId" must be a whole number \(got "1"\)/],
      ['stationId: ""\n', /field "stationId" must not be empty/],
      ['idTokens:\n  blocked:\n    type: ISO14443\n', /field "idTokens\.blocked\.idToken" is missing/],
      ['- a\n- b\n', /must hold a map of fields/],
    ];
    for (const [text, message] of cases) {
      const error = await rejection(loadConfig(await file('c.yaml', text), {}, {}));
      expect(error.message, text).to.match(message);
      expect(error.hint, text).to.be.a('string').and.not.equal('');
    }
  });

  it('names an unknown field and suggests the closest known name, at any depth', async () => {
    let error = await rejection(loadConfig(await file('c.yaml', 'stationID: CP9\n'), {}, {}));
    expect(error.message).to.contain('unknown field "stationID" (did you mean "stationId"?)');
    expect(error.hint).to.equal('rename "stationID" to "stationId"');

    error = await rejection(loadConfig(await file('c.yaml', 'idTokens:\n  valid:\n    tokenId: X\n'), {}, {}));
    expect(error.message).to.contain('unknown field "idTokens.valid.tokenId" (did you mean "idTokens.valid.idToken"?)');

    error = await rejection(loadConfig(await file('c.yaml', 'tolerance_ms: 10\n'), {}, {}));
    expect(error.message).to.contain('did you mean "toleranceMs"?');

    error = await rejection(loadConfig(await file('c.yaml', 'completelyDifferent: 1\n'), {}, {}));
    expect(error.message).to.contain('unknown field "completelyDifferent"');
    expect(error.message).to.not.contain('did you mean');
    expect(error.hint).to.contain('stationId');
  });

  it('reports every problem of a file at once', async () => {
    const error = await rejection(loadConfig(await file('c.yaml', 'evseId: -1\nconnectorId: x\n'), {}, {}));
    expect(error.message).to.contain('evseId');
    expect(error.message).to.contain('and 1 more: field "connectorId" must be a whole number');
  });

  it('gives the line of a YAML or JSON syntax error', async () => {
    let error = await rejection(loadConfig(await file('c.yaml', 'stationId: CP1\nevseId: [1\nconnectorId: 2\n'), {}, {}));
    expect(error.code).to.equal('E_CONFIG');
    expect(error.message).to.match(/not valid YAML at line \d+, column \d+/);
    expect(error.hint).to.contain('syntax');

    error = await rejection(loadConfig(await file('c.json', '{\n  "stationId": "CP1",\n  "evseId": 1,,\n}'), {}, {}));
    expect(error.message).to.match(/not valid JSON at line 3, column \d+/);
  });

  it('says when the file cannot be read', async () => {
    const error = await rejection(loadConfig(path.join(dir, 'missing.yaml'), {}, {}));
    expect(error.code).to.equal('E_CONFIG');
    expect(error.message).to.contain('cannot read it: no such file');
    expect(error.hint).to.contain('path');
  });

  it('rejects a bad command-line override by name', async () => {
    const error = await rejection(loadConfig(undefined, { securityProfile: 7 as 0 }, {}));
    expect(error.message).to.contain('command-line option: field "securityProfile" must be one of 0, 1, 2, 3');
  });

  it('never shows the password in an error or in describeConfig', async () => {
    const texts = [
      `basicAuthPassword: ${secret}\nevseId: [1\n`, // YAML syntax error after the password
      `{"basicAuthPassword": "${secret}", "evseId": 1,,}`, // JSON syntax error
      `basicAuthPassword: ${secret}\nstationID: x\n`, // unknown field
      `basicAuthPassword: ${secret}\nevseId: "${secret}"\n`, // the secret used where a number belongs
      `basicAuthPassword: [${secret}]\n`, // wrong type for the password itself
      `basicAuthPassword: ${secret} # a comment\nevseId: ${secret}\n`, // echoed in another field
    ];
    for (const [i, text] of texts.entries()) {
      const p = await file(i === 1 ? 'c.json' : `c${i}.yaml`, text);
      const error = await rejection(loadConfig(p, {}, {}));
      expect(`${error.message}\n${error.hint}`, text).to.not.contain(secret);
    }
    const fromEnv = await rejection(loadConfig(await file('c.yaml', `stationId: "${secret}"\nevseId: 0\n`), {}, { [passwordEnvVar]: secret }));
    expect(`${fromEnv.message}\n${fromEnv.hint}`).to.not.contain(secret);

    const config = await loadConfig(undefined, { basicAuthPassword: secret }, {});
    const described = describeConfig({ ...config, extra: { password: secret } });
    expect(JSON.stringify(described)).to.not.contain(secret);
    expect(described.basicAuthPassword).to.equal('[redacted]');
    expect(described.stationId).to.equal(config.stationId);
    expect(config.basicAuthPassword).to.equal(secret);
  });

  it('suggests by edit distance', () => {
    expect(editDistance('kitten', 'sitting')).to.equal(3);
    expect(editDistance('', 'abc')).to.equal(3);
    expect(closestNames('conectorId', ['connectorId', 'evseId', 'stationId'])).to.deep.equal(['connectorId']);
    expect(closestNames('zzz', ['connectorId'])).to.deep.equal([]);
  });
});
