/** The composite-schedule engine (pure; both OCPP versions): see types.ts, evaluate.ts, composite.ts, from-json.ts, compare.ts. */
export * from './types.js';
export { activePeriod, breakpoints, isValidAt, scheduleStartAt, type ActivePeriod } from './evaluate.js';
export { compositeSchedule, contributors, convertLimit, fillUnlimited, limitAt, prevailing, txLevel, type Limit } from './composite.js';
export { compositeFromJson, compositeToJson16, compositeToJson201, fromEpochS, profileFromJson, scheduleFromJson, toEpochS } from './from-json.js';
export { compareComposite, type ComparedPeriod, type CompareOptions, type CompositeComparison } from './compare.js';
