/** A platform adapter that records every call, in order, for tests of the core. */
import type { InputName } from '../../src/core/inputs/definitions.js';
import type { OutputName, Platform } from '../../src/core/platform.js';
import type { PlatformIdentity } from '../../src/core/platform.js';

export type PlatformEvent =
  | { kind: 'secret'; value: string }
  | { kind: 'output'; name: OutputName; value: string; secret: boolean }
  | { kind: 'export'; name: string; value: string }
  | { kind: 'path'; dir: string }
  | { kind: 'state'; name: string; value: string }
  | { kind: 'info' | 'debug' | 'warning' | 'failed'; message: string };

export class FakePlatform implements Platform {
  readonly events: PlatformEvent[] = [];
  readonly state = new Map<string, string>();

  /** @param offered  what the platform hands the identity sources (its OIDC or access token), if anything */
  constructor(
    private readonly inputs: Partial<Record<InputName, string>>,
    private readonly temp?: string,
    private readonly offered?: PlatformIdentity
  ) {}

  identity(): PlatformIdentity | undefined {
    return this.offered;
  }

  get(name: InputName): string {
    return this.inputs[name] ?? '';
  }
  label(name: InputName): string {
    return name;
  }
  setSecret(value: string): void {
    this.events.push({ kind: 'secret', value });
  }
  setOutput(name: OutputName, value: string, options?: { secret?: boolean }): void {
    this.events.push({ kind: 'output', name, value, secret: options?.secret ?? false });
  }
  exportVariable(name: string, value: string): void {
    this.events.push({ kind: 'export', name, value });
  }
  addPath(dir: string): void {
    this.events.push({ kind: 'path', dir });
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
    this.events.push({ kind: 'state', name, value });
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
  info(message: string): void {
    this.events.push({ kind: 'info', message });
  }
  debug(message: string): void {
    this.events.push({ kind: 'debug', message });
  }
  warning(message: string): void {
    this.events.push({ kind: 'warning', message });
  }
  setFailed(message: string): void {
    this.events.push({ kind: 'failed', message });
  }
  tempDir(): string | undefined {
    return this.temp;
  }

  outputs(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const e of this.events) if (e.kind === 'output') result[e.name] = e.value;
    return result;
  }
  exports(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const e of this.events) if (e.kind === 'export') result[e.name] = e.value;
    return result;
  }
  failures(): string[] {
    return this.events.flatMap((e) => (e.kind === 'failed' ? [e.message] : []));
  }
  /** Every logged line (info, debug, warning, failure), in order. */
  lines(): string[] {
    return this.events.flatMap((e) => ('message' in e ? [e.message] : []));
  }
}
