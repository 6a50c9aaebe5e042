/**
 * `--dut <spec>`: which adapter makes the DUT act. One string, one adapter:
 *
 *   sim                      the built-in simulator (in process)
 *   http://host/hook         POST each action as JSON (also https://…, or http:<url>)
 *   http-octt:<base url>     POST {base}/api/octt/{version}/{stationId}/{action}
 *   exec:<command>           run the command with the action in OCPP_CONFORM_* variables
 *   map:<file>               per action an HTTP request template or a command (YAML/JSON, dut/map.ts)
 *   prompt                   ask a person at the terminal
 *   ui                       a card with Done / Cannot do on the live web page (run --ui)
 */
import type { DutAdapter } from '../engine/dut-adapter.js';
import { HarnessError } from '../errors.js';
import { ExecAdapter, type ExecAdapterOptions } from './exec.js';
import { HttpAdapter, redactUserinfo, type HttpAdapterOptions } from './http.js';
import { loadDutMap, MapAdapter } from './map.js';
import { PromptAdapter, type PromptAdapterOptions } from './prompt.js';
import { UiAdapter, type PromptBoard } from './ui.js';

export interface CreateAdapterDeps {
  /** The simulator's adapter, for `sim` (absent where no simulator runs). */
  sim?: DutAdapter;
  /** Per-action deadline for http and exec. */
  actionTimeoutMs?: number;
  http?: Omit<HttpAdapterOptions, 'url' | 'route' | 'timeoutMs'>;
  exec?: Omit<ExecAdapterOptions, 'command' | 'timeoutMs'>;
  prompt?: PromptAdapterOptions;
  /** The live web UI's prompt board, for `ui` (present when the run has `--ui`). */
  ui?: PromptBoard;
  /** Where a relative `map:` file is read from, and the environment its `{env.NAME}` reads. */
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The accepted forms, as shown in hints and `--help`. */
export const adapterSpecForms = [
  'sim',
  'http://host:port/path',
  'https://host:port/path',
  'http:<url>',
  'http-octt:<base url>',
  'exec:<command>',
  'map:<file>',
  'prompt',
  'ui',
] as const;

const formsHint = `use one of: ${adapterSpecForms.join(' | ')}`;

export function createAdapter(spec: string, deps: CreateAdapterDeps = {}): DutAdapter {
  const text = spec.trim();
  const timeout = deps.actionTimeoutMs === undefined ? {} : { timeoutMs: deps.actionTimeoutMs };
  if (text === 'sim') {
    if (deps.sim) return deps.sim;
    throw new HarnessError('E_DUT_ADAPTER', 'the sim DUT adapter needs the built-in simulator, which is not running here', {
      hint: `run against the built-in simulator, or pick another adapter: ${formsHint}`,
    });
  }
  if (text === 'prompt') return new PromptAdapter(deps.prompt);
  if (text === 'ui') {
    if (deps.ui) return new UiAdapter(deps.ui);
    throw new HarnessError('E_USAGE', 'the ui DUT adapter asks the operator on the live web page, which this run does not serve', {
      hint: 'add --ui (e.g. --ui 127.0.0.1:8080), or pick another adapter',
    });
  }
  if (text.startsWith('http-octt:')) {
    return new HttpAdapter({ ...deps.http, ...timeout, url: requireRest(text, 'http-octt:', 'a base URL'), route: 'octt' });
  }
  if (text.startsWith('map:')) {
    return new MapAdapter(loadDutMap(requireRest(text, 'map:', 'a YAML or JSON file'), deps.cwd ?? process.cwd()), deps.env ?? process.env, deps.actionTimeoutMs);
  }
  if (text.startsWith('exec:')) {
    return new ExecAdapter({ ...deps.exec, ...timeout, command: requireRest(text, 'exec:', 'a command') });
  }
  if (/^https?:\/\//i.test(text)) return new HttpAdapter({ ...deps.http, ...timeout, url: text });
  if (text.startsWith('http:') || text.startsWith('https:')) {
    const prefix = text.startsWith('http:') ? 'http:' : 'https:';
    return new HttpAdapter({ ...deps.http, ...timeout, url: requireRest(text, prefix, 'a URL') });
  }
  // Echo only the keyword: the rest may carry a secret.
  const keyword = redactUserinfo(text.split(':')[0] ?? '');
  throw new HarnessError('E_DUT_ADAPTER', text ? `unknown DUT adapter "${keyword}"` : 'no DUT adapter given', { hint: formsHint });
}

function requireRest(text: string, prefix: string, what: string): string {
  const rest = text.slice(prefix.length).trim();
  if (!rest) throw new HarnessError('E_DUT_ADAPTER', `the DUT adapter "${prefix}" needs ${what}`, { hint: formsHint });
  return rest;
}
