/**
 * `--dut map:FILE`: DUT control as data (issue #11: a REST CSMS needed a 100-line hook). A YAML or
 * JSON file maps each engine action to an HTTP request template or a command:
 *
 *   base: http://127.0.0.1:9100           # prefix of relative URLs (optional)
 *   headers: { x-api-key: "{env.API_KEY}" }
 *   actions:
 *     plugIn:   { method: POST, url: /actions/plugIn, body: { evseId: "{evseId}" } }
 *     triggerReset: { method: POST, url: "/ocpp/{stationId}/reset?type={type}" }
 *     powerCycle: { command: "ssh station sudo reboot" }
 *     "*":      { method: POST, url: "/actions/{action}", body: "{params}" }   # any other action
 *   unsupported: [driveIn, driveOut]     # cases needing these are notApplicable, with the reason
 *
 * Placeholders: `{action}`, `{testCaseId}`, `{stationId}`, `{version}`, `{params}` (the whole
 * params object), every param by name or path (`{evseId}`, `{idToken.idToken}` …) and `{env.NAME}`. A string that
 * is exactly one placeholder keeps the value's type (a number stays a number in the JSON body);
 * in URLs values are percent-encoded. The requests go through the http adapter (redirects,
 * secrets redacted), the commands through the exec adapter.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { dutActions, type DutActionName, type DutActionRequest, type DutActionResult, type DutAdapter } from '../engine/dut-adapter.js';
import { HarnessError } from '../errors.js';
import { ExecAdapter } from './exec.js';
import { HttpAdapter } from './http.js';

interface HttpStep {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}
interface CommandStep {
  command: string;
}
type Step = HttpStep | CommandStep;

export interface DutMap {
  base?: string;
  headers?: Record<string, string>;
  actions: Record<string, Step>;
  unsupported: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read and check a map file; every problem is E_DUT_ADAPTER naming the file and the entry. */
export function loadDutMap(file: string, cwd: string): DutMap {
  const where = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(where, 'utf8');
  } catch (err) {
    throw new HarnessError('E_DUT_ADAPTER', `cannot read the DUT map ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(where) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new HarnessError('E_DUT_ADAPTER', `the DUT map ${file} is not valid ${/\.json$/i.test(where) ? 'JSON' : 'YAML'}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return checkDutMap(data, file);
}

export function checkDutMap(data: unknown, file = 'the DUT map'): DutMap {
  const bad = (what: string): never => {
    throw new HarnessError('E_DUT_ADAPTER', `${file}: ${what}`, { hint: 'see examples/dut-maps/ for the format' });
  };
  if (!isObject(data)) return bad('must be a mapping with `actions` (and optional base, headers, unsupported)');
  const known = new Set<string>([...Object.keys(dutActions), '*']);
  const actions: Record<string, Step> = {};
  for (const [name, step] of Object.entries(isObject(data['actions']) ? data['actions'] : {})) {
    if (!known.has(name)) bad(`unknown action "${name}" (known: ${Object.keys(dutActions).join(', ')}, or "*")`);
    if (!isObject(step)) return bad(`action ${name} must be { method, url, headers?, body? } or { command }`);
    if (typeof step['command'] === 'string') actions[name] = { command: step['command'] };
    else if (typeof step['url'] === 'string') {
      actions[name] = {
        url: step['url'],
        ...(typeof step['method'] === 'string' ? { method: step['method'].toUpperCase() } : {}),
        ...(isObject(step['headers']) ? { headers: Object.fromEntries(Object.entries(step['headers']).map(([k, v]) => [k, String(v)])) } : {}),
        ...('body' in step ? { body: step['body'] } : {}),
      };
    } else bad(`action ${name} needs a url or a command`);
  }
  const unsupported = Array.isArray(data['unsupported']) ? data['unsupported'].map(String) : [];
  for (const name of unsupported) if (!known.has(name)) bad(`unsupported lists unknown action "${name}"`);
  if (Object.keys(actions).length === 0 && unsupported.length === 0) bad('maps no action');
  return {
    ...(typeof data['base'] === 'string' ? { base: data['base'] } : {}),
    ...(isObject(data['headers']) ? { headers: Object.fromEntries(Object.entries(data['headers']).map(([k, v]) => [k, String(v)])) } : {}),
    actions,
    unsupported,
  };
}

/** Fill `{name}` placeholders; a string that is one placeholder keeps the value's type. */
export function fill(template: unknown, vars: (name: string) => unknown, encode = false): unknown {
  if (typeof template === 'string') {
    const whole = /^\{([A-Za-z0-9_.]+)\}$/.exec(template);
    if (whole && !encode) return vars(whole[1] ?? '') ?? '';
    return template.replace(/\{([A-Za-z0-9_.]+)\}/g, (_m, name: string) => {
      const v = vars(name);
      const text = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      return encode ? encodeURIComponent(text) : text;
    });
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, vars));
  if (isObject(template)) return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, vars)]));
  return template;
}

export class MapAdapter implements DutAdapter {
  readonly kind = 'map';

  constructor(
    private readonly map: DutMap,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly timeoutMs?: number,
  ) {}

  supports(action: DutActionName): boolean {
    return !this.map.unsupported.includes(action) && (this.map.actions[action] !== undefined || this.map.actions['*'] !== undefined);
  }

  reasonUnsupported(action: DutActionName): string {
    return this.map.unsupported.includes(action) ? `the DUT map lists ${action} as unsupported` : `the DUT map has no entry for ${action} (and no "*")`;
  }

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (!this.supports(request.action)) return { done: false, reason: this.reasonUnsupported(request.action) };
    const step = this.map.actions[request.action] ?? this.map.actions['*'];
    if (!step) return { done: false, reason: this.reasonUnsupported(request.action) };
    const vars = (name: string): unknown => {
      if (name.startsWith('env.')) return this.env[name.slice(4)];
      if (name === 'params') return request.params;
      if (name === 'action' || name === 'testCaseId' || name === 'stationId' || name === 'version' || name === 'instruction') return request[name];
      if (name === 'base') return this.map.base ?? '';
      // `{idToken.idToken}`: a path into the params.
      return name.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), request.params);
    };
    const timeout = this.timeoutMs === undefined ? {} : { timeoutMs: this.timeoutMs };
    if ('command' in step) return new ExecAdapter({ command: String(fill(step.command, vars)), ...timeout }).perform(request, signal);
    const rawUrl = String(fill(step.url, vars, true));
    const url = /^https?:/i.test(rawUrl) ? rawUrl : `${(this.map.base ?? '').replace(/\/+$/, '')}/${rawUrl.replace(/^\/+/, '')}`;
    const headers = Object.fromEntries(Object.entries({ ...this.map.headers, ...step.headers }).map(([k, v]) => [k, String(fill(v, vars))]));
    const body = step.body === undefined ? undefined : JSON.stringify(fill(step.body, vars));
    const http = new HttpAdapter({ url, headers, ...timeout, request: { method: step.method ?? 'POST', ...(body === undefined ? {} : { body }) } });
    return http.perform(request, signal);
  }
}
