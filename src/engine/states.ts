/**
 * Reusable states (2.0.1 Part 6 §2.2 for SUT = station, §3.2 for SUT = CSMS): named, composable
 * preambles registered per version and side. The catalogue registers its states; a case lists the
 * ones it starts from in `states`, or runs one mid-scenario with `ctx.state(name)`.
 */
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { TestContext } from './context-types.js';

export type ReusableState = (ctx: TestContext, params: Record<string, unknown>) => Promise<void>;

export class StateRegistry {
  private readonly states = new Map<string, ReusableState>();

  private key(version: OcppVersion, sut: Role, name: string): string {
    return `${version}/${sut}/${name}`;
  }

  register(version: OcppVersion, sut: Role, name: string, state: ReusableState): this {
    this.states.set(this.key(version, sut, name), state);
    return this;
  }

  get(version: OcppVersion, sut: Role, name: string): ReusableState | undefined {
    return this.states.get(this.key(version, sut, name));
  }

  names(version: OcppVersion, sut: Role): string[] {
    const prefix = `${version}/${sut}/`;
    return [...this.states.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}

/**
 * The reusable states of one version and side, as catalogue content: `testcases/<ocppX>/<side>/states.ts`
 * default-exports `defineStates({...})`. `restore` brings the DUT back to the general
 * preconditions after each case (2.0.1 Part 6 §2.1 / §3.1); it throws to say it could not.
 */
export interface StateModule {
  version: OcppVersion;
  sut: Role;
  states: Record<string, ReusableState>;
  restore?: (ctx: TestContext) => Promise<void>;
}

export function defineStates(module: StateModule): StateModule {
  return Object.freeze({ ...module });
}

export function registerStateModule(registry: StateRegistry, module: StateModule): void {
  for (const [name, state] of Object.entries(module.states)) registry.register(module.version, module.sut, name, state);
}
