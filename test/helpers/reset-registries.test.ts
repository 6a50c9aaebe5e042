/**
 * Root hook: before every test of the suite, reset the module-level registries and caches of the
 * protocol layer. ESM modules are loaded once per process, so without this a semantics check one
 * test registered judges the next test's messages, and a cache filled by one mutation-testing
 * run (Stryker re-runs the same loaded tests for every mutant) hides the code that fills it from
 * the next. Mocha runs a top-level `beforeEach` before every test of every file.
 */
import { expect } from 'chai';
import { actionsOf, resetActionCatalogueCache } from '../../src/protocol/actions.js';
import { checkMessage, registerSemanticsCheck, resetSemanticsChecks } from '../../src/protocol/checks.js';
import { finding } from '../../src/protocol/findings.js';
import { resetFormatCaches } from '../../src/protocol/formats.js';
import { builtinSchemaSet, resetBuiltinSchemaCache } from '../../src/protocol/schemas.js';

export function resetRegistries(): void {
  resetSemanticsChecks();
  resetActionCatalogueCache();
  resetBuiltinSchemaCache();
  resetFormatCaches();
}

beforeEach(resetRegistries);

describe('per-test reset of module-level registries', () => {
  it('drops a registered semantics check', () => {
    registerSemanticsCheck(() => [finding('semantics', 'test.leak', 'left over from another test')]);
    const message = { set: builtinSchemaSet('2.0.1'), version: '2.0.1' as const, action: 'Heartbeat', kind: 'request' as const, payload: {} };
    expect(checkMessage(message).findings.map((f) => f.code)).to.include('test.leak');
    resetRegistries();
    expect(checkMessage(message).findings.map((f) => f.code)).to.not.include('test.leak');
  });

  it('loads the built-in schema set afresh after a reset, with the same content', () => {
    const before = builtinSchemaSet('1.6');
    const actions = actionsOf('1.6');
    resetRegistries();
    const after = builtinSchemaSet('1.6');
    expect(after).to.not.equal(before);
    expect(after.actions()).to.deep.equal(before.actions());
    expect(actionsOf('1.6')).to.deep.equal(actions);
  });
});
