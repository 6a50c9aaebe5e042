/**
 * Load mode (issue #14), `ocpp-conform/load`: the Artillery engine for OCPP stations, its
 * scenario steps, and our own small driver of it.
 */
export { OcppArtilleryEngine, type ArtilleryScript, type OcppEngineConfig } from './engine.js';
export { runLoad, percentiles, type LoadOptions, type LoadReport, type Percentiles } from './runner.js';
export { kindOf, runStep, stepKinds, type LoadStep, type LoadVersion, type StepKind, type StepOutcome } from './steps.js';
export { parseScenario } from './scenario.js';
export { findLoadCase, isCaseId, runCaseStep, type CaseStepOptions, type CaseStepOutcome } from './case-step.js';
