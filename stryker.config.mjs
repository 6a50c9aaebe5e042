// Mutation testing of the harness's own verdict code (issue #25). Run it with
// `npm run test:mutation [-- --mutate GLOB]` (scripts/mutation.ts), not `npx stryker run`:
// the script compiles first and prints the one-line score the lead's tooling reads.
//
// Why this setup:
// - The tests run from compiled ESM in dist/, but the mutants are made in the TypeScript sources
//   (`src/**/*.ts`) so the report points at the lines people edit. Stryker instruments the .ts
//   files in its sandbox (mutation switching: every mutant is in the code at once, switched on by
//   `__stryker__.activeMutant`), then `buildCommand` compiles the sandbox once with tsc. The
//   instrumented files carry `// @ts-nocheck` (Stryker's disableTypeChecks), so tsc emits them.
// - No TypeScript checker plugin: a mutant that does not type-check still runs and is almost
//   always killed; the checker would cost a full type-check per mutant on a shared 2-core box.
// - Only the fast unit tests of the mutated folders run (no integration, proof or CLI suites);
//   with perTest coverage each mutant runs only the tests that reach it.
// - ESM modules cannot be unloaded between runs, so module-level registries and caches live on
//   from one mutant run to the next; test/helpers/reset-registries.test.ts resets them before every test.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  coverageAnalysis: 'perTest',
  mutate: ['src/protocol/**/*.ts', 'src/session/**/*.ts', 'src/engine/**/*.ts'],
  buildCommand: 'npx tsc -p tsconfig.json',
  // Only the mutated sources need `// @ts-nocheck` (instrumented code does not type-check).
  disableTypeChecks: 'src/**/*.ts',
  mochaOptions: {
    // Our own spec list replaces .mocharc.json's (which is the whole suite); the rest of
    // .mocharc.json (timeout) still applies. reset-registries.test.js installs the root hook.
    spec: [
      'dist/test/helpers/**/*.test.js',
      'dist/test/protocol/**/*.test.js',
      'dist/test/session/**/*.test.js',
      'dist/test/engine/**/*.test.js',
      // src/protocol/redact.ts's own unit tests live with the reporters that use it.
      'dist/test/reporters/redact.test.js',
    ],
  },
  // The machine is shared (2 cores, several jobs): one test-runner process at a time by default.
  concurrency: 1,
  timeoutMS: 5000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Stryker copies the project into the sandbox; generated folders need not come along.
  ignorePatterns: ['dist', 'reports', 'certs', '.stryker-tmp'],
  thresholds: { high: 90, low: 85, break: null },
};
