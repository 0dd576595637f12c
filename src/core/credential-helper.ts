/**
 * The refreshing docker credential helper: its configuration in the job directory, its cache,
 * the lock that makes concurrent `get`s refresh once, and the small wrappers docker runs.
 *
 * Layout of a helper directory (created by `installHelper`, removed with the job):
 *
 *     helper.json              what to refresh and how (0600; never a token)
 *     cache-<host>.json        the current credential for one host (0600, replaced atomically)
 *     refresh-<host>.lock      held while one process refreshes that host (docker-config.ts's lock)
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH
 *
 * The refresh itself is injected (`Refresh`), so the helper knows nothing of sources or
 * exchanges; `helper-refresh.ts` wires the default ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockHolder, tryFileLock } from './docker-config.js';
import { writeTextAtomic } from './files.js';
import type { IdentitySelector, SourceKind } from './sources/source.js';

export const HELPER_CONFIG_VERSION = 2;
export const HELPER_CONFIG_FILE = 'helper.json';
/** A credential with less than this left is refreshed before it is handed out. */
export const DEFAULT_MIN_REMAINING_SECONDS = 300;
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

export interface HelperConfig {
  version: typeof HELPER_CONFIG_VERSION;
  /** Registry host (as docker names it, e.g. `cgr.dev`) → how to refresh its credential. */
  hosts: Record<string, HelperHost>;
  source: HelperSource;
  /** Input names as the user writes them on their platform, for messages (e.g. identity → identity). */
  labels?: Record<string, string>;
  /** Refresh when fewer seconds than this are left (default 300). */
  minRemainingSeconds?: number;
  /** Give up one refresh after this many seconds (default 120). */
  timeoutSeconds?: number;
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
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HelperError';
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

/** Reads and checks the configuration in `dir`. */
export function readHelperConfig(dir: string): HelperConfig {
  const file = path.join(dir, HELPER_CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new HelperError(
      `cannot read its configuration ${file} (${code}); the login step writes it and the end of the job removes it: run the login step again in this job`
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new HelperError(`its configuration ${file} is not JSON; run the login step again`);
  }
  if (
    !isObject(config) ||
    config.version !== HELPER_CONFIG_VERSION ||
    !isObject(config.hosts) ||
    !isObject(config.source) ||
    !isObject(config.source.inputs) ||
    !isObject(config.source.env)
  ) {
    throw new HelperError(`its configuration ${file} is not version ${HELPER_CONFIG_VERSION} of this helper's format; run the same version of the login step again`);
  }
  return config as unknown as HelperConfig;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
const lockFile = (dir: string, host: string): string => path.join(dir, `refresh-${fileKey(host)}.lock`);

interface CacheEntry {
  host: string;
  username: string;
  secret: string;
  expiresAt: string;
  /** When this entry was written (ms since the epoch). */
  obtainedAt: number;
}

/** The cached credential for `host`, or undefined when there is none (or it is unreadable). */
export function readCached(dir: string, host: string): (HelperCredential & { obtainedAt: number }) | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(fs.readFileSync(cacheFile(dir, host), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(entry) || entry.host !== host || typeof entry.username !== 'string' || typeof entry.secret !== 'string') return undefined;
  const expiresAt = new Date(String(entry.expiresAt));
  if (Number.isNaN(expiresAt.getTime())) return undefined;
  return { username: entry.username, secret: entry.secret, expiresAt, obtainedAt: Number(entry.obtainedAt) || 0 };
}

/** Stores the credential for `host` (the login step seeds the cache with the one it just got). */
export function writeCached(dir: string, host: string, credential: HelperCredential, now: number = Date.now()): void {
  const entry: CacheEntry = { host, username: credential.username, secret: credential.secret, expiresAt: credential.expiresAt.toISOString(), obtainedAt: now };
  writeFileAtomic(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
}

// ---------------------------------------------------------------------------------------------
// get and list

export interface GetOptions {
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
 * Answers docker's `get` for `serverUrl`: the cached credential while it has more than the
 * configured margin left, else a fresh one. Concurrent calls refresh once: one takes the lock
 * and refreshes; the others wait for the new cache. Returns undefined for a host the
 * configuration does not name.
 */
export async function helperGet(dir: string, serverUrl: string, options: GetOptions): Promise<DockerCredential | undefined> {
  const config = readHelperConfig(dir);
  const host = normaliseHost(serverUrl);
  if (!Object.prototype.hasOwnProperty.call(config.hosts, host)) return undefined;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const margin = (config.minRemainingSeconds ?? DEFAULT_MIN_REMAINING_SECONDS) * 1000;
  const answer = (credential: HelperCredential): DockerCredential => ({ ServerURL: host, Username: credential.username, Secret: credential.secret });

  const cached = readCached(dir, host);
  if (cached && cached.expiresAt.getTime() - now() > margin) return answer(cached);

  const started = now();
  const waitMs = options.waitMs ?? ((config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) + 30) * 1000;
  // A holder that is still running is waited for until it gives up on its own refresh.
  const staleMs = ((config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) + 30) * 1000;
  const file = lockFile(dir, host);
  let lastHolder = 0;
  for (let round = 0; ; round++) {
    const release = tryFileLock(file, staleMs);
    if (release) {
      try {
        // Another process may have refreshed between our first look and taking the lock.
        const current = readCached(dir, host);
        if (current && (current.expiresAt.getTime() - now() > margin || refreshedSince(current, started, now()))) return answer(current);
        const fresh = await options.refresh(host);
        writeCached(dir, host, fresh, now());
        return answer(fresh);
      } finally {
        release();
      }
    }
    lastHolder = lockHolder(file) ?? lastHolder;
    if (now() - started > waitMs) {
      throw new HelperError(`timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${host} by process ${lastHolder || 'unknown'}`);
    }
    await sleep(Math.min(25 * 2 ** Math.min(round, 3), 200) + Math.floor(Math.random() * 20));
    // A credential another process wrote while we waited is the one to use, even when the
    // service issues tokens shorter-lived than the margin.
    const current = readCached(dir, host);
    if (current && (current.expiresAt.getTime() - now() > margin || refreshedSince(current, started, now()))) return answer(current);
  }
}

/**
 * Whether `entry` was written after `since` (strictly: one written in the same millisecond may
 * be the stale entry this call found, and costs at most one extra refresh) and is still valid
 * for a few seconds.
 */
function refreshedSince(entry: { obtainedAt: number; expiresAt: Date }, since: number, now: number): boolean {
  return entry.obtainedAt > since && entry.expiresAt.getTime() - now > 2_000;
}

/** Answers docker's `list`: every configured host and its user name. */
export function helperList(dir: string): Record<string, string> {
  const config = readHelperConfig(dir);
  const list: Record<string, string> = {};
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
 * The helper name every job logging in through the same shared docker config uses, so that the
 * config's one `credHelpers` entry runs each job's own helper (the one first on its PATH):
 * `chainguard-` and six letters or digits derived from the config directory.
 */
export function sharedHelperName(configDir: string): string {
  // FNV-1a: stable and quick; the name only needs to differ between directories.
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(path.resolve(configDir), 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
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
}

/**
 * Writes `docker-credential-<name>` (sh, 0700) and `docker-credential-<name>.cmd` (Windows),
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
  const cmd = [
    '@echo off',
    'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
    `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
    ''
  ].join('\r\n');
  writeFileAtomic(base, sh);
  fs.chmodSync(base, 0o700);
  writeFileAtomic(`${base}.cmd`, cmd);
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
  /** The helper's name (default: a new random one, see helperName). */
  name?: string;
}

export interface InstalledHelper {
  /** The name for docker's `credHelpers` entries. */
  name: string;
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
  const name = options.name ?? helperName();
  const dir = fs.mkdtempSync(path.join(options.root, 'chainguard-helper-'));
  try {
    fs.chmodSync(dir, 0o700);
    writeHelperConfig(dir, options.config);
    for (const [host, credential] of Object.entries(options.seed ?? {})) writeCached(dir, host, credential);
    const binDir = path.join(dir, 'bin');
    writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript });
    return { name, dir, binDir };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Removes a helper directory (configuration, cache and wrappers). */
export function removeHelper(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
