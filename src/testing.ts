/**
 * `ocpp-conform/testing`: the authoring entry of the published package, for a team's own test
 * cases beside the official catalogue. The same API the catalogue uses (src/engine/authoring.ts);
 * run the compiled cases with `--testcases DIR` (they get the built-in reusable states and the
 * restore of their version and side).
 *
 * ```js
 * import { defineTestCase } from 'ocpp-conform/testing';
 * export default defineTestCase({ id: 'TC_X_01_CS', version: '2.0.1', sut: 'cs', block: 'X', … });
 * ```
 */
export * from './engine/authoring.js';
