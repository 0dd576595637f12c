/**
 * The small interface the core needs from a runner (a port the core owns). One adapter per
 * runner implements it on that runner's library; the core never imports a runner library.
 */
import type { InputName } from './inputs/definitions.js';

/** How a front end supplies inputs and spells their names. */
export interface InputReader {
  /** The raw value ('' when unset). */
  get(name: InputName): string;
  /** The input's name as the user writes it on this platform. */
  label(name: InputName): string;
}

export const OUTPUT_NAMES = ['token', 'expires-at', 'identity', 'docker-config', 'api-token'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface Platform extends InputReader {
  /** Masks a secret in every later log line of the job. */
  setSecret(value: string): void;
  setOutput(name: OutputName, value: string, options?: { secret?: boolean }): void;
  /** Sets an environment variable for the rest of the job. */
  exportVariable(name: string, value: string): void;
  /** Puts a directory first on PATH for the rest of the job. */
  addPath(dir: string): void;
  /** Keeps a value for the post step. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
  /** Marks the step failed with one message. */
  setFailed(message: string): void;
  /** The runner's per-job temp directory, if it has one. */
  tempDir(): string | undefined;
  /** What the platform offers identity sources (its OIDC or access token); absent on the CLI. */
  identity?(): PlatformIdentity | undefined;
  /**
   * The network settings the runner hands its steps (the Azure agent's proxy and CA), if any,
   * with their portable form for the credential helper's refreshes.
   */
  network?(): NetworkSettings | undefined;
}

/** kebab-case to camelCase: the Azure Pipelines spelling of an output. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * What the job's own platform can hand a source: its OIDC token (GitHub) or its access token
 * (Azure Pipelines). Each is absent where the job does not run on that platform. Values returned
 * are secrets; the adapter masks them before returning.
 */
export interface PlatformIdentity {
  /** GitHub Actions: the job's OIDC token for `audience` (`@actions/core` `getIDToken`). */
  githubIdToken?: (audience: string) => Promise<string>;
  /** Azure Pipelines: the job's access token (`System.AccessToken`), or undefined when the job has none. */
  azureDevOpsAccessToken?: () => string | undefined;
  /** Azure Pipelines: a pipeline variable (e.g. `System.OidcRequestUri`), or undefined. */
  variable?: (name: string) => string | undefined;
}

/** A proxy for one request. The password is a secret: it never appears in a message. */
export interface ProxySettings {
  url: URL;
  username?: string;
  password?: string;
}

/**
 * The network a runner hands its steps (the Azure agent's `Agent.ProxyUrl`, `Agent.CAInfo`, …).
 * When a runner gives settings, they replace the proxy variables of the environment.
 */
export interface NetworkSettings {
  /** The proxy for `url`, or undefined when the runner's bypass list says to connect directly. */
  proxyFor(url: URL): ProxySettings | undefined;
  /** A PEM file of certificate authorities to trust besides Node's own. */
  caFile?: string;
  /** A client certificate (PEM), its key and the key's passphrase. */
  certFile?: string;
  keyFile?: string;
  passphrase?: string;
  /** Where these settings come from, for messages, e.g. "the agent's proxy settings (Agent.ProxyUrl, …)". */
  source: string;
  /** The same settings in a form the credential helper can keep (see PortableNetwork). */
  portable?: PortableNetwork;
}

/** The runner's network settings without their secrets: what the credential helper's configuration keeps. */
export interface HelperNetwork {
  /** The proxy, without credentials; absent when the runner names none. */
  proxyUrl?: string;
  proxyUsername?: string;
  /** Regular expressions matched (case-insensitively) against a request's URL: a match goes direct (Agent.ProxyBypassList). */
  proxyBypass?: string[];
  /** A PEM file of certificate authorities to trust, a client certificate and its key. */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** Where these settings come from, for messages. */
  source: string;
}

/** The secrets of a HelperNetwork. */
export interface NetworkSecrets {
  proxyPassword?: string;
  passphrase?: string;
}

/** The runner's network settings in a form the helper can keep: the settings, and apart from them their secrets. */
export interface PortableNetwork {
  settings: HelperNetwork;
  secrets: NetworkSecrets;
}
