/**
 * The refreshing docker credential helper: its configuration in the job directory, its cache,
 * the lock that makes concurrent `get`s refresh once, and the small wrappers docker runs.
 *
 * Layout of a helper directory (created by `installHelper`, removed with the job):
 *
 *     helper.json              what to refresh and how (0600; never a token or a password)
 *     network-secrets.json     the runner's proxy password and client-key passphrase, when it
 *                              hands any over (0600; the only file holding them)
 *     cache-<host>.json        the current credential for one host (0600, replaced atomically)
 *     failure-<host>.json      the message of a refresh that failed a moment ago (0600; no secret)
 *     refresh-<host>.lock      held while one process refreshes that host (docker-config.ts's lock)
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH (.cmd on Windows)
 *
 * Every file is read with `readRegularFile`: a FIFO or device in place of one never blocks a get.
 *
 * The refresh itself is injected (`Refresh`), so the helper knows nothing of sources or
 * exchanges; `helper-refresh.ts` wires the default ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockHolder, tryFileLock } from './docker-config.js';
import { messageOf } from './errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile, writeTextAtomic } from './files.js';
import type { IdentitySelector, SourceKind } from './sources/source.js';

export const HELPER_CONFIG_VERSION = 2;
export const HELPER_CONFIG_FILE = 'helper.json';
export const NETWORK_SECRETS_FILE = 'network-secrets.json';
/**
 * A cached credential is handed out while more than this is left, or more than half its lifetime
 * (from when it was obtained to its expiry) when that is less: a token living 8 s is reused while
 * more than 4 s are left, so that short-lived tokens do not make every get refresh.
 */
export const DEFAULT_MIN_REMAINING_SECONDS = 300;
/** How long a failed refresh answers the gets after it, instead of each trying again. */
export const FAILURE_WINDOW_MS = 10_000;
/** The secrets the sources read from the environment (the helper reads them from its own, never from a file). */
export const SECRET_ENVIRONMENT = ['IDENTITY_HEADER', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SYSTEM_ACCESSTOKEN'] as const;
/** How long a refresh may take (the step's default timeout). */
export const DEFAULT_REFRESH_TIMEOUT_SECONDS = 120;
/** Docker's user name for a Chainguard token. */
export const CHAINGUARD_USERNAME = '_token';
/** Docker's user name for an ACR refresh token. */
export const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';
/** What docker-credential-helpers print (on stdout, exit 1) for a host they hold nothing for. */
export const NOT_FOUND_MESSAGE = 'credentials not found in native keychain';

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

/**
 * The network settings the runner handed the step (the Azure agent's proxy and certificates),
 * without their secrets: those are in NETWORK_SECRETS_FILE.
 */
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

// ---------------------------------------------------------------------------------------------
// Files

/** Writes `data` to `file` (mode 0600, flushed) through a temporary file and a rename; on failure the temporary file is removed. */
export function writeFileAtomic(file: string, data: string): void {
  writeTextAtomic(file, data, { durable: true });
}

/** Writes the helper's configuration into `dir` (created 0700 if needed). */
export function writeHelperConfig(dir: string, config: HelperConfig): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

const MAX_CONFIG_BYTES = 256 * 1024;
const MAX_SMALL_FILE_BYTES = 64 * 1024;

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
  if (!isObject(value) || value.version !== HELPER_CONFIG_VERSION || !isObject(value.hosts) || !isObject(value.source)) return undefined;
  const source = value.source;
  if (typeof source.kind !== 'string' || !isObject(source.inputs) || !isObject(source.env)) return undefined;
  const hosts = nullMap<HelperHost>();
  for (const [host, entry] of Object.entries(value.hosts)) {
    if (isObject(entry) && entry.kind === 'acr') hosts[host] = { kind: 'acr' };
    else if (
      isObject(entry) &&
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
  const env = stringMap(source.env);
  const labels = isObject(value.labels) ? stringMap(value.labels) : undefined;
  const network = isObject(value.network) ? checkNetwork(value.network) : undefined;
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

/** A record without a prototype: every key is the record's own. */
export function nullMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The string values of `value`, in a record without a prototype. */
function stringMap(value: Record<string, unknown>): Record<string, string> {
  const map = nullMap<string>();
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') map[key] = entry;
  return map;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
  if (!isObject(value)) throw new HelperError(`${file} is not what the login step writes; run the login step again`, { local: true });
  const secrets: NetworkSecrets = {};
  if (typeof value.proxyPassword === 'string') secrets.proxyPassword = value.proxyPassword;
  if (typeof value.passphrase === 'string') secrets.passphrase = value.passphrase;
  return secrets;
}

/**
 * The registry host docker asks about, as the configuration names it: docker sends the server
 * URL (`https://cgr.dev`, `cgr.dev`, `cgr.dev/`, `https://index.docker.io/v1/`).
 */
export function normaliseHost(serverUrl: string): string {
  return serverUrl
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/s, '')
    .toLowerCase();
}

/** A host as part of a file name. */
function fileKey(host: string): string {
  return host.replace(/[^a-z0-9.-]/g, '_');
}

const cacheFile = (dir: string, host: string): string => path.join(dir, `cache-${fileKey(host)}.json`);
const failureFile = (dir: string, host: string): string => path.join(dir, `failure-${fileKey(host)}.json`);
const lockFile = (dir: string, host: string): string => path.join(dir, `refresh-${fileKey(host)}.lock`);

interface CacheEntry {
  host: string;
  username: string;
  secret: string;
  expiresAt: string;
  /** When this entry was written (ms since the epoch). */
  obtainedAt: number;
}

/** A cached credential, with when it was obtained. */
export type CachedCredential = HelperCredential & { obtainedAt: number };

/** A small JSON object from `file`, or undefined when it is missing, not a regular file, too large or not JSON. Never blocks. */
function readSmallJson(file: string): Record<string, unknown> | undefined {
  try {
    const text = readRegularFile(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The cached credential for `host`, or undefined when there is none. Anything at the cache path
 * that is not a small regular JSON file (a FIFO, a device, a link) counts as no cache: the
 * refresh then replaces it by renaming a new file over it, which never opens what was there,
 * and the helper's directory is private to the job's user, so nothing else put it there.
 */
export function readCached(dir: string, host: string): CachedCredential | undefined {
  const entry = readSmallJson(cacheFile(dir, host));
  if (!entry || entry.host !== host || typeof entry.username !== 'string' || typeof entry.secret !== 'string') return undefined;
  const expiresAt = new Date(String(entry.expiresAt));
  if (Number.isNaN(expiresAt.getTime())) return undefined;
  return { username: entry.username, secret: entry.secret, expiresAt, obtainedAt: Number(entry.obtainedAt) || 0 };
}

/** Stores the credential for `host` (the login step seeds the cache with the one it just got). */
export function writeCached(dir: string, host: string, credential: HelperCredential, now: number = Date.now()): void {
  const entry: CacheEntry = {
    host,
    username: credential.username,
    secret: credential.secret,
    expiresAt: credential.expiresAt.toISOString(),
    obtainedAt: now
  };
  writeFileAtomic(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
}

/**
 * How much of a cached credential's life must be left for it to be handed out: five minutes,
 * or half its lifetime (from when it was obtained to its expiry) when that is less.
 */
export function reuseMarginMs(entry: { obtainedAt: number; expiresAt: Date }): number {
  const lifetime = entry.obtainedAt > 0 ? entry.expiresAt.getTime() - entry.obtainedAt : Number.POSITIVE_INFINITY;
  return Math.min(DEFAULT_MIN_REMAINING_SECONDS * 1000, Math.max(0, lifetime) / 2);
}

/** A refresh that failed: its message (never a secret) and when. */
interface FailureRecord {
  host: string;
  message: string;
  at: number;
}

/** The failure of a refresh of `host` less than FAILURE_WINDOW_MS ago, if there was one. */
function recentFailure(dir: string, host: string, now: number): FailureRecord | undefined {
  const entry = readSmallJson(failureFile(dir, host));
  if (!entry || entry.host !== host || typeof entry.message !== 'string' || typeof entry.at !== 'number') return undefined;
  return now - entry.at < FAILURE_WINDOW_MS && entry.at <= now + 1_000 ? { host, message: entry.message, at: entry.at } : undefined;
}

/** Records a failed refresh (0600), for the gets waiting on it and those that follow within the window. */
function recordFailure(dir: string, host: string, message: string, now: number): void {
  try {
    writeFileAtomic(failureFile(dir, host), `${JSON.stringify({ host, message, at: now } satisfies FailureRecord)}\n`);
  } catch {
    // Without the record, the next get tries again: slower, not wrong.
  }
}

function clearFailure(dir: string, host: string): void {
  try {
    fs.rmSync(failureFile(dir, host), { force: true });
  } catch {
    // A record that stays only answers for the rest of its window.
  }
}

// ---------------------------------------------------------------------------------------------
// get and list

export interface GetOptions {
  /** Gets a fresh credential; its errors' messages are recorded and shown, so they must not hold a secret. */
  refresh: Refresh;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How long to wait for another process's refresh before giving up. */
  waitMs?: number;
}

export interface DockerCredential {
  ServerURL: string;
  Username: string;
  Secret: string;
}

/**
 * Answers docker's `get` for `serverUrl`: the cached credential while enough of its life is left
 * (see reuseMarginMs), else a fresh one. Concurrent calls refresh once: one takes the lock and
 * refreshes; the others wait for the new cache. A refresh that fails answers the gets waiting on
 * it, and those that come within FAILURE_WINDOW_MS after it, with its message: one attempt per
 * window, not one per get. Returns undefined for a host the configuration does not name.
 */
export async function helperGet(dir: string, serverUrl: string, options: GetOptions): Promise<DockerCredential | undefined> {
  const config = readHelperConfig(dir);
  const host = normaliseHost(serverUrl);
  if (!Object.prototype.hasOwnProperty.call(config.hosts, host)) return undefined;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const answer = (credential: HelperCredential): DockerCredential => ({
    ServerURL: host,
    Username: credential.username,
    Secret: credential.secret
  });

  const cached = readCached(dir, host);
  if (config.refresh === 'never') return answer(unrenewed(config, host, cached, now()));
  if (cached && cached.expiresAt.getTime() - now() > reuseMarginMs(cached)) return answer(cached);

  const started = now();
  // A credential another process wrote since this get started is the one to use.
  const usable = (entry: CachedCredential | undefined): entry is CachedCredential =>
    entry !== undefined && (entry.expiresAt.getTime() - now() > reuseMarginMs(entry) || refreshedSince(entry, started, now()));
  const shareFailure = (): void => {
    const failure = recentFailure(dir, host, now());
    if (failure) throw new HelperError(failure.message);
  };
  shareFailure();
  const timeoutMs = (config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) * 1000;
  const waitMs = options.waitMs ?? timeoutMs + 30_000;
  // A holder that is still running is waited for until it gives up on its own refresh.
  const staleMs = timeoutMs + 30_000;
  const file = lockFile(dir, host);
  let lastHolder = 0;
  for (let round = 0; ; round++) {
    const release = tryFileLock(file, staleMs);
    if (release) {
      try {
        // Another process may have refreshed (or failed to) between our first look and taking the lock.
        const current = readCached(dir, host);
        if (usable(current)) return answer(current);
        shareFailure();
        let fresh: HelperCredential;
        try {
          fresh = await options.refresh(host);
        } catch (error) {
          const message =
            error instanceof HelperError ? error.message : `could not refresh the credential for ${host}: ${messageOf(error)}`;
          if (!(error instanceof HelperError && error.local)) recordFailure(dir, host, message, now());
          throw error instanceof HelperError ? error : new HelperError(message, { cause: error });
        }
        writeCached(dir, host, fresh, now());
        clearFailure(dir, host);
        return answer(fresh);
      } finally {
        release();
      }
    }
    lastHolder = lockHolder(file) ?? lastHolder;
    if (now() - started > waitMs) {
      throw new HelperError(
        `timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${host} by process ${lastHolder || 'unknown'}`
      );
    }
    await sleep(Math.min(25 * 2 ** Math.min(round, 3), 200) + Math.floor(Math.random() * 20));
    const current = readCached(dir, host);
    if (usable(current)) return answer(current);
    shareFailure();
  }
}

/**
 * The cached credential of a login that is not renewed (logout: false), while it has not
 * expired; else the error that says why there is no other.
 */
function unrenewed(config: HelperConfig, host: string, cached: CachedCredential | undefined, now: number): CachedCredential {
  if (cached && cached.expiresAt.getTime() > now) return cached;
  const logout = config.labels?.logout ?? 'logout';
  const when = cached ? `expired at ${cached.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : 'is gone';
  throw new HelperError(
    `the credential for ${host} ${when} and this login does not renew it: the login step ran with ${logout}: false, which leaves a login that ends when its token expires. ` +
      `Run the login step again, or keep ${logout}: true (the default) for a login that renews itself until the job ends`
  );
}

/**
 * Whether `entry` was written after `since` (strictly: one written in the same millisecond may
 * be the stale entry this call found, and costs at most one extra refresh) and is still valid
 * for a few seconds.
 */
function refreshedSince(entry: { obtainedAt: number; expiresAt: Date }, since: number, now: number): boolean {
  return entry.obtainedAt > since && entry.expiresAt.getTime() - now > Math.min(2_000, reuseMarginMs(entry));
}

/** Answers docker's `list`: every configured host and its user name. */
export function helperList(dir: string): Record<string, string> {
  const config = readHelperConfig(dir);
  const list = nullMap<string>();
  for (const host of Object.keys(config.hosts)) list[host] = readCached(dir, host)?.username ?? usernameFor(config.hosts[host]);
  return list;
}

/** The user name a host's credential carries. */
export function usernameFor(entry: HelperHost): string {
  return entry.kind === 'acr' ? ACR_USERNAME : CHAINGUARD_USERNAME;
}

// ---------------------------------------------------------------------------------------------
// Installing: the directory, the configuration and the wrappers docker runs

/** A helper name unique to this job: `chainguard-` and six random letters or digits. */
export function helperName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return `chainguard-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * The helper name for `host` in a shared docker config: `chainguard-` and six letters or digits
 * derived from the config directory and the host. Every job logging in to that host through that
 * config writes the same name, so the config's one `credHelpers` entry runs each job's own helper
 * (the one first on its PATH); and each host has its own name, so that a host resolves to the
 * login that wrote it even when another login (a later step of the same job) comes first on PATH.
 */
export function sharedHelperName(configDir: string, host: string): string {
  // FNV-1a: stable and quick; the name only needs to differ between directories and hosts.
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`${path.resolve(configDir)}\u0000${host}`, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `chainguard-${hash.toString(36).padStart(6, '0').slice(-6)}`;
}

/** `value` as one single-quoted sh word. */
function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `value` as one double-quoted cmd.exe word (`%` doubled so it is not expanded). */
function cmdQuote(value: string): string {
  if (value.includes('"')) throw new HelperError(`cannot write a Windows wrapper for a path containing a double quote: ${value}`);
  return `"${value.replace(/%/g, '%%')}"`;
}

export interface WrapperOptions {
  /** The directory to write the wrappers into (put on PATH). */
  binDir: string;
  /** The helper's name: docker runs `docker-credential-<name>`. */
  name: string;
  /** The helper directory (configuration and cache). */
  dir: string;
  /** The Node that runs the helper: the one that ran the step (`process.execPath`). */
  nodePath: string;
  /** The helper bundle, dist/helper/index.js. */
  helperScript: string;
  /** Also write the `.cmd` wrapper (default: on Windows only). */
  windows?: boolean;
}

/**
 * Writes `docker-credential-<name>` (sh, 0700) and, on Windows, `docker-credential-<name>.cmd`,
 * both calling the Node and the bundle by absolute path, so that `node` need not be on PATH.
 * Returns the files written.
 */
export function writeHelperWrappers(options: WrapperOptions): string[] {
  fs.mkdirSync(options.binDir, { recursive: true, mode: 0o700 });
  const base = path.join(options.binDir, `docker-credential-${options.name}`);
  const sh = [
    '#!/bin/sh',
    '# Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
    `exec ${shQuote(options.nodePath)} ${shQuote(options.helperScript)} --dir ${shQuote(options.dir)} "$@"`,
    ''
  ].join('\n');
  const cmd = (): string =>
    [
      '@echo off',
      'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
      `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
      ''
    ].join('\r\n');
  writeFileAtomic(base, sh);
  fs.chmodSync(base, 0o700);
  if (!(options.windows ?? process.platform === 'win32')) return [base];
  writeFileAtomic(`${base}.cmd`, cmd());
  return [base, `${base}.cmd`];
}

/**
 * The helper bundle beside the bundle running now: dist/helper/index.js, found from
 * dist/github/main, dist/azure/main or dist/cli.
 */
export function findHelperBundle(fromDir: string): string | undefined {
  let dir = fromDir;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'helper', 'index.js');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export interface InstallOptions {
  /** Where to create the helper directory: the job's temp directory. */
  root: string;
  config: HelperConfig;
  nodePath: string;
  helperScript: string;
  /** Credentials already in hand, to seed the cache so that the first `get` needs no refresh. */
  seed?: Record<string, HelperCredential>;
  /** The helper's name for each host (default: one new random name for every host, see helperName). */
  nameFor?: (host: string) => string;
  /** The runner's network secrets, kept apart from the configuration (see writeNetworkSecrets). */
  networkSecrets?: NetworkSecrets;
  /** Also write `.cmd` wrappers (default: on Windows only). */
  windows?: boolean;
}

export interface InstalledHelper {
  /** The name for docker's `credHelpers` entries: the first host's. */
  name: string;
  /** Each host's name (a wrapper of each name runs this helper). */
  names: Map<string, string>;
  /** The helper directory; remove it to uninstall. */
  dir: string;
  /** The directory holding the wrappers, to put on PATH. */
  binDir: string;
}

/**
 * Creates a private helper directory under `root` with the configuration, the seeded cache and
 * the wrappers. Nothing is left behind when it fails.
 */
export function installHelper(options: InstallOptions): InstalledHelper {
  const random = helperName();
  const names = new Map(Object.keys(options.config.hosts).map((host) => [host, options.nameFor?.(host) ?? random]));
  const dir = fs.mkdtempSync(path.join(options.root, 'chainguard-helper-'));
  try {
    fs.chmodSync(dir, 0o700);
    writeHelperConfig(dir, options.config);
    if (options.networkSecrets) writeNetworkSecrets(dir, options.networkSecrets);
    for (const [host, credential] of Object.entries(options.seed ?? {})) writeCached(dir, host, credential);
    const binDir = path.join(dir, 'bin');
    for (const name of new Set(names.values())) {
      writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript, windows: options.windows });
    }
    return { name: names.values().next().value ?? random, names, dir, binDir };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Removes a helper directory (configuration, cache and wrappers). */
export function removeHelper(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
