/**
 * `ocpp-conform`: the programmatic entry of the published package. One run goes through
 * `startRun` (the same entry the CLI, the demo and the live UI use); the catalogue, the DUT
 * adapters and the reference simulators are the pieces its options are built from.
 */
export { startRun } from './engine/start-run.js';
export type { RunEndpointOptions, RunHandle, StartRunOptions } from './engine/start-run.js';
export type { CaseResult, RunResult } from './engine/run-model.js';
export type { Reporter } from './engine/reporter.js';
export type { DutAdapter, DutActionRequest, DutActionResult } from './engine/dut-adapter.js';
export { loadCatalogue } from './catalogue/loader.js';
export { selectCases } from './catalogue/select.js';
export { createAdapter } from './dut/parse-spec.js';
export { createStationSimulator } from './sim/station/station-simulator.js';
export { createCsmsSimulator } from './sim/csms/index.js';
export { main } from './cli/main.js';
