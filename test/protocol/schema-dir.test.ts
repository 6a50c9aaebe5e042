import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSchemaDir } from '../../src/cli/schema-dir.js';
import { HarnessError } from '../../src/errors.js';
import { validatePayload } from '../../src/protocol/validator.js';

describe('cli/schema-dir (loadSchemaDir)', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(path.join(tmpdir(), 'schema-dir-'));
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: string): void => writeFileSync(path.join(dir, name), content);
  async function refusal(): Promise<HarnessError> {
    try {
      await loadSchemaDir(dir, '2.0.1');
    } catch (error) {
      if (error instanceof HarnessError) return error;
      throw error;
    }
    throw new Error('expected E_SCHEMA_DIR');
  }

  it('loads *.json files (BOM tolerated, other files ignored) into a working set', async function () {
    write('HeartbeatRequest.json', '\uFEFF{"type":"object","additionalProperties":false}');
    write('HeartbeatResponse.json', '{"$schema":"http://json-schema.org/draft-06/schema#","type":"object","required":["currentTime"],"properties":{"currentTime":{"type":"string"}}}');
    write('README.md', 'not a schema');
    const set = await loadSchemaDir(dir, '2.0.1');
    expect(set.actions()).to.deep.equal(['Heartbeat']);
    expect(set.source).to.equal(dir);
    expect(validatePayload(set, 'Heartbeat', 'response', {})!.map((v) => v.path)).to.deep.equal(['/currentTime']);
  });

  it('names a file that is not JSON', async function () {
    write('HeartbeatRequest.json', '{ nope');
    const error = await refusal();
    expect(error.code).to.equal('E_SCHEMA_DIR');
    expect(error.message).to.include('HeartbeatRequest.json').and.include('not valid JSON');
    expect(error.hint).to.be.a('string');
  });

  it('names a file whose name is not an action', async function () {
    write('heartbeat request.json', '{}');
    const error = await refusal();
    expect(error.message).to.include('heartbeat request.json');
    expect(error.hint).to.include('<Action>Response.json');
  });

  it('names a file whose schema does not compile', async function () {
    write('HeartbeatRequest.json', '{"type":"object"}');
    write('HeartbeatResponse.json', '{"type":"object","properties":{"x":{"$ref":"#/definitions/Missing"}}}');
    const error = await refusal();
    expect(error.message).to.include('HeartbeatResponse.json').and.include('not a usable JSON schema');
  });

  it('refuses an empty or missing folder', async function () {
    expect((await refusal()).message).to.include('no *.json files');
    rmSync(dir, { recursive: true, force: true });
    expect((await refusal()).message).to.include('cannot read schema folder');
  });
});
