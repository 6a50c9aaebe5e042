/**
 * A load scenario from a file's parsed content: an Artillery script (the first scenario whose
 * engine is `ocpp`, or the first one) or a bare list of steps. The OCPP version and CSMS URL
 * may come from the script's `config.ocpp.version` / `config.target`.
 */
import { isCaseId } from './case-step.js';
import { kindOf, type LoadStep, type LoadVersion } from './steps.js';

export interface ParsedScenario {
  flow: LoadStep[];
  target?: string;
  version?: LoadVersion;
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export function parseScenario(content: unknown): ParsedScenario {
  if (Array.isArray(content)) return { flow: checked(content) };
  if (!isRecord(content)) throw new Error('a load scenario is an Artillery script (config + scenarios) or a list of steps');
  const scenarios = Array.isArray(content.scenarios) ? (content.scenarios as unknown[]).filter(isRecord) : [];
  const chosen = scenarios.find((s) => s.engine === 'ocpp') ?? scenarios[0];
  if (chosen === undefined || !Array.isArray(chosen.flow)) throw new Error('the script has no scenario with a flow');
  const config = isRecord(content.config) ? content.config : {};
  const ocpp = isRecord(config.ocpp) ? config.ocpp : {};
  const version = ocpp.version === '1.6' || ocpp.version === '2.0.1' ? ocpp.version : undefined;
  return { flow: checked(chosen.flow as unknown[]), ...(typeof config.target === 'string' ? { target: config.target } : {}), ...(version ? { version } : {}) };
}

function checked(steps: unknown[]): LoadStep[] {
  return steps.map((step, i) => {
    if (!isRecord(step)) throw new Error(`step ${i + 1} is not an object`);
    try {
      if (kindOf(step as LoadStep) === 'case' && !isCaseId(step.case)) {
        throw new Error(`case must name a _CSMS case of the catalogue (e.g. TC_B_01_CSMS), got ${JSON.stringify(step.case)}`);
      }
    } catch (err) {
      throw new Error(`step ${i + 1}: ${(err as Error).message}`);
    }
    return step as LoadStep;
  });
}
