/**
 * The credential helper's configuration: what to refresh and how, written by the login step into
 * the helper directory (0600; never a token or a password), with the runner's network secrets
 * apart in their own 0600 file.
 *
 * Layout of a helper directory (created by installHelper, removed with the job):
 *
 *     helper.json              what to refresh and how
 *     network-secrets.json     the runner's proxy password and client-key passphrase, when it
 *                              hands any over (the only file holding them)
 *     cache-<host>.json        the current credential for one host (see cache.ts)
 *     failure-<host>.json      the message of a refresh that failed a moment ago (no secret)
 *     refresh-<host>.lock      held while one process refreshes that host (fs/lock.ts)
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH (.cmd on Windows)
 *
 * Every file is read with `readRegularFile`: a FIFO or device in place of one never blocks a get.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FileTooLarge, NotRegularFile, readRegularFile, writeFileAtomic } from '../fs/atomic.js';
import { isRecord, nullRecord, stringRecord } from '../json.js';
import type { HelperNetwork, NetworkSecrets } from '../platform.js';
import type { IdentitySelector, SourceKind } from '../sources/inputs.js';

export const HELPER_CONFIG_VERSION = 2;
export const HELPER_CONFIG_FILE = 'helper.json';
export const NETWORK_SECRETS_FILE = 'network-secrets.json';
/** How long a refresh may take (the step's default timeout). */
export const DEFAULT_REFRESH_TIMEOUT_SECONDS = 120;
/**
 * Where a fresh identity token comes from: the source the step chose, with the inputs the
 * source selection reads and the environment the sources read as the step saw it, so that a
 * refresh asks the same place. Never a token, and never a secret the environment carries
 * (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN, SYSTEM_ACCESSTOKEN): those are read from the
 * helper's own environment when it refreshes.
 */
export interface HelperSource {
  kind: SourceKind;
  inputs: {
    /** azure-audience, for an Azure source. */
    azureResource?: string;
    selector?: IdentitySelector;
    identityTokenFile?: string;
    oidcAudience?: string;
    azureDevOpsServiceConnection?: string;
  };
  /** The non-secret variables the sources read (endpoints, file paths, client and tenant IDs). */
  env: Record<string, string>;
}

/** A Chainguard registry host: a token from the identity source, exchanged at the STS. */
export interface ChainguardHost {
  kind: 'chainguard';
  /** STS base URL. */
  issuer: string;
  identity: string;
  audience: string;
}

/** An Azure Container Registry login server: an Azure token exchanged at the registry. */
export interface AcrHost {
  kind: 'acr';
}

export type HelperHost = ChainguardHost | AcrHost;

export interface HelperConfig {
  version: typeof HELPER_CONFIG_VERSION;
  /** Registry host (as docker names it, e.g. `cgr.dev`) → how to refresh its credential. */
  hosts: Record<string, HelperHost>;
  source: HelperSource;
  /** Input names as the user writes them on their platform, for messages (e.g. identity → identity). */
  labels?: Record<string, string>;
  /** Give up one refresh after this many seconds (default 120). */
  timeoutSeconds?: number;
  /** The runner's network settings the step used, for the calls that leave the machine. */
  network?: HelperNetwork;
  /**
   * `never`: hand out the credentials the step got until they expire, and get no new ones (a
   * login with logout: false ends when its token expires). Absent: refresh while the helper
   * directory exists.
   */
  refresh?: 'never';
}

/** A credential for one registry host. */
export interface HelperCredential {
  username: string;
  secret: string;
  expiresAt: Date;
}

/** Gets a fresh credential for a host of the configuration. */
export type Refresh = (host: string) => Promise<HelperCredential>;

/** A failure the helper reports as one line on stderr (never carrying a token). */
export class HelperError extends Error {
  /**
   * A failure of this process's own environment (a secret its step did not map, a file it
   * cannot read), not of a service: not shared with the other gets, which may not have it.
   */
  readonly local: boolean;

  constructor(message: string, options?: { cause?: unknown; local?: boolean }) {
    super(message, options);
    this.name = 'HelperError';
    this.local = options?.local ?? false;
  }
}

/** Writes the helper's configuration into `dir` (created 0700 if needed). */
export function writeHelperConfig(dir: string, config: HelperConfig): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

const MAX_CONFIG_BYTES = 256 * 1024;
/** The most a small file of the helper's (its cache, a failure record, the network secrets) may hold. */
export const MAX_SMALL_FILE_BYTES = 64 * 1024;

/** Reads and checks the configuration in `dir`. Never blocks: anything but a regular file is refused at once. */
export function readHelperConfig(dir: string): HelperConfig {
  const file = path.join(dir, HELPER_CONFIG_FILE);
  const rerun = 'the login step writes it and the end of the job removes it: run the login step again in this job';
  let text: string | undefined;
  try {
    text = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, noFollow: true });
  } catch (error) {
    if (error instanceof NotRegularFile) throw new HelperError(`its configuration ${file} is not a regular file; ${rerun}`);
    if (error instanceof FileTooLarge)
      throw new HelperError(`its configuration ${file} is larger than ${MAX_CONFIG_BYTES} bytes; ${rerun}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new HelperError(`cannot read its configuration ${file} (${code === 'ELOOP' ? 'a symbolic link' : (code ?? 'error')}); ${rerun}`);
  }
  if (text === undefined) throw new HelperError(`cannot read its configuration ${file} (ENOENT); ${rerun}`);
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new HelperError(`its configuration ${file} is not JSON; run the login step again`);
  }
  const checked = checkConfig(config);
  if (!checked) {
    throw new HelperError(
      `its configuration ${file} is not version ${HELPER_CONFIG_VERSION} of this helper's format; run the same version of the login step again`
    );
  }
  return checked;
}

/**
 * The configuration when `value` has its shape, else undefined. The maps it reads by key (hosts,
 * labels, the source's environment) become objects without a prototype, so that a host named
 * `constructor` or `__proto__` is only ever a host.
 */
function checkConfig(value: unknown): HelperConfig | undefined {
  if (!isRecord(value) || value.version !== HELPER_CONFIG_VERSION || !isRecord(value.hosts) || !isRecord(value.source)) return undefined;
  const source = value.source;
  if (typeof source.kind !== 'string' || !isRecord(source.inputs) || !isRecord(source.env)) return undefined;
  const hosts = nullRecord<HelperHost>();
  for (const [host, entry] of Object.entries(value.hosts)) {
    if (isRecord(entry) && entry.kind === 'acr') hosts[host] = { kind: 'acr' };
    else if (
      isRecord(entry) &&
      entry.kind === 'chainguard' &&
      [entry.issuer, entry.identity, entry.audience].every((v) => typeof v === 'string')
    ) {
      hosts[host] = {
        kind: 'chainguard',
        issuer: entry.issuer as string,
        identity: entry.identity as string,
        audience: entry.audience as string
      };
    } else return undefined;
  }
  const env = stringRecord(source.env);
  const labels = isRecord(value.labels) ? stringRecord(value.labels) : undefined;
  const network = isRecord(value.network) ? checkNetwork(value.network) : undefined;
  if (value.network !== undefined && !network) return undefined;
  return {
    version: HELPER_CONFIG_VERSION,
    hosts,
    source: { kind: source.kind as SourceKind, inputs: { ...(source.inputs as HelperSource['inputs']) }, env },
    ...(labels ? { labels } : {}),
    ...(typeof value.timeoutSeconds === 'number' && value.timeoutSeconds > 0 ? { timeoutSeconds: value.timeoutSeconds } : {}),
    ...(network ? { network } : {}),
    ...(value.refresh === 'never' ? { refresh: 'never' as const } : {})
  };
}

function checkNetwork(value: Record<string, unknown>): HelperNetwork | undefined {
  const optional = ['proxyUrl', 'proxyUsername', 'caFile', 'certFile', 'keyFile'] as const;
  if (typeof value.source !== 'string' || optional.some((key) => value[key] !== undefined && typeof value[key] !== 'string'))
    return undefined;
  const bypass = value.proxyBypass;
  if (bypass !== undefined && !(Array.isArray(bypass) && bypass.every((entry) => typeof entry === 'string'))) return undefined;
  const network: HelperNetwork = { source: value.source };
  for (const key of optional) if (typeof value[key] === 'string') network[key] = value[key] as string;
  if (bypass) network.proxyBypass = [...(bypass as string[])];
  return network;
}

/** Writes the runner's network secrets beside the configuration (0600), when there are any. */
export function writeNetworkSecrets(dir: string, secrets: NetworkSecrets): void {
  if (!secrets.proxyPassword && !secrets.passphrase) return;
  writeFileAtomic(path.join(dir, NETWORK_SECRETS_FILE), `${JSON.stringify(secrets)}\n`);
}

/** The runner's network secrets, or none when the step was handed none. */
export function readNetworkSecrets(dir: string): NetworkSecrets {
  const file = path.join(dir, NETWORK_SECRETS_FILE);
  let text: string | undefined;
  try {
    text = readRegularFile(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
  } catch (error) {
    throw new HelperError(
      `cannot read ${file} (${error instanceof NotRegularFile ? 'not a regular file' : ((error as NodeJS.ErrnoException).code ?? 'error')}); run the login step again`,
      {
        local: true
      }
    );
  }
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!isRecord(value)) throw new HelperError(`${file} is not what the login step writes; run the login step again`, { local: true });
  const secrets: NetworkSecrets = {};
  if (typeof value.proxyPassword === 'string') secrets.proxyPassword = value.proxyPassword;
  if (typeof value.passphrase === 'string') secrets.passphrase = value.passphrase;
  return secrets;
}
