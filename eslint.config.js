// Lint with zero warnings, and the layer import rules of DESIGN.md: data flows one way,
// bytes → frames → messages → steps → verdicts → reports. A layer may import only what its
// row of the DESIGN.md table lists; everything else is an error here. Three levels cover the
// per-block folders (src/sim/station/v201/*.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['node:net', 'node:tls', 'node:http', 'node:https', 'node:fs', 'node:fs/promises', 'node:child_process', 'node:dgram', 'ws'];
const layer = (folder, forbiddenLayers, extra = []) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ...forbiddenLayers.map((l) => ({ group: [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`, `../${l}`, `../../${l}`, `../../../${l}`], message: `DESIGN.md: src/${folder} may not import src/${l}.` })),
        ...(extra.length ? [{ group: extra, message: `DESIGN.md: src/${folder} may not use this module.` }] : []),
      ],
      paths: folder === 'security' ? [] : [{ name: 'node-forge', message: 'DESIGN.md: only src/security imports node-forge.' }],
    }],
  },
});
const all = ['protocol', 'transport', 'session', 'sim', 'engine', 'dut', 'catalogue', 'reporters', 'security', 'ui', 'load', 'replay', 'cli'];
const except = (...allowed) => all.filter((l) => !allowed.includes(l));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'certs/**', 'bin/**', 'eslint.config.js', 'stryker.config.mjs', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Test files use chai's property assertions (`expect(x).to.be.true`) and loose any for fixtures.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The catalogue is content, not engine: a test case or state sees the harness only through the
  // authoring API (src/engine/authoring.ts), so the layers below may change without touching it.
  {
    files: ['testcases/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^|/)src/(?!engine/authoring\\.js$)',
          message: 'testcases/ may import from src/ only the authoring API (src/engine/authoring.js).',
        }],
        paths: [{ name: 'node-forge', message: 'DESIGN.md: only src/security imports node-forge.' }],
      }],
    },
  },
  // No import cycle in the CLI: main.ts registers the commands, so a command never imports main.ts;
  // the io (./io.ts), the exit funnel (./exit.ts) and the version (./version.ts) are their own modules.
  {
    files: ['src/cli/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)main(\\.js)?$', message: 'src/cli/commands may not import cli/main (it imports them): use ../io.js, ../exit.js, ../version.js.' }],
        paths: [{ name: 'node-forge', message: 'DESIGN.md: only src/security imports node-forge.' }],
      }],
    },
  },
  layer('protocol', except(), nodeIo),
  layer('transport', except()),
  layer('session', except('protocol', 'transport')),
  layer('sim', except('protocol', 'transport', 'session')),
  layer('engine', except('protocol', 'transport', 'session')),
  layer('dut', except('protocol', 'transport', 'session', 'engine', 'sim')),
  layer('catalogue', except('protocol', 'transport', 'session', 'engine')),
  layer('reporters', except('engine')),
  layer('security', except()),
  // The live web UI: a view of the run like reporters, plus its own loopback HTTP server.
  layer('ui', except('engine')),
  // Load mode (issue #14): virtual stations over our session layer, an Artillery engine.
  // A `case` step runs a catalogue case through the run entry (engine) with the catalogue's loader.
  layer('load', except('protocol', 'transport', 'session', 'engine', 'catalogue')),
  // Trace replay (issue #16): a recording turned into a test case; runs through engine/start-run.ts.
  layer('replay', except('protocol', 'session', 'engine')),
);
