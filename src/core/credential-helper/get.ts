/**
 * Answers docker's `get` and `list` for the job's credential helper: the cached credential while
 * enough of its life is left, else one fresh refresh shared by every concurrent get.
 */
import { messageOf } from '../errors.js';
import { lockHolder, tryLock } from '../fs/lock.js';
import { hasOwn, nullRecord } from '../json.js';
import { ACR_USERNAME, CHAINGUARD_USERNAME } from '../docker/users.js';
import {
  clearFailure,
  lockFile,
  normaliseHost,
  readCached,
  recentFailure,
  recordFailure,
  reuseMarginMs,
  writeCached,
  type CachedCredential
} from './cache.js';
import {
  DEFAULT_REFRESH_TIMEOUT_SECONDS,
  HelperError,
  readHelperConfig,
  type HelperConfig,
  type HelperCredential,
  type HelperHost,
  type Refresh
} from './config.js';

/** What docker-credential-helpers print (on stdout, exit 1) for a host they hold nothing for. */
export const NOT_FOUND_MESSAGE = 'credentials not found in native keychain';

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

/** One get in progress: the host, its clock, and what it has seen. */
interface GetRound {
  dir: string;
  host: string;
  now: () => number;
  /** When this get started: a credential another process wrote since is the one to use. */
  started: number;
}

/** Whether `entry` can be handed out: enough of its life is left, or another process wrote it since this get started. */
function usable(round: GetRound, entry: CachedCredential | undefined): entry is CachedCredential {
  const now = round.now();
  return entry !== undefined && (entry.expiresAt.getTime() - now > reuseMarginMs(entry) || refreshedSince(entry, round.started, now));
}

/** Answers with the failure of a refresh a moment ago, when there was one (one attempt per window, not one per get). */
function shareFailure(round: GetRound): void {
  const failure = recentFailure(round.dir, round.host, round.now());
  if (failure) throw new HelperError(failure.message);
}

/** Refreshes holding the lock: the cache unless another process refreshed meanwhile, else a fresh credential, recorded (or its failure). */
async function refreshHolding(round: GetRound, refresh: Refresh): Promise<HelperCredential> {
  const { dir, host, now } = round;
  // Another process may have refreshed (or failed to) between our first look and taking the lock.
  const current = readCached(dir, host);
  if (usable(round, current)) return current;
  shareFailure(round);
  let fresh: HelperCredential;
  try {
    fresh = await refresh(host);
  } catch (error) {
    const message = error instanceof HelperError ? error.message : `could not refresh the credential for ${host}: ${messageOf(error)}`;
    if (!(error instanceof HelperError && error.local)) recordFailure(dir, host, message, now());
    throw error instanceof HelperError ? error : new HelperError(message, { cause: error });
  }
  writeCached(dir, host, fresh, now());
  clearFailure(dir, host);
  return fresh;
}

/**
 * A fresh credential for the host: one get takes the lock and refreshes; the others wait for the
 * new cache (or the failure it recorded), up to `waitMs`.
 */
async function refreshed(round: GetRound, config: HelperConfig, options: GetOptions): Promise<HelperCredential> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = (config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) * 1000;
  const waitMs = options.waitMs ?? timeoutMs + 30_000;
  // A holder that is still running is waited for until it gives up on its own refresh.
  const file = lockFile(round.dir, round.host);
  let lastHolder = 0;
  for (let attempt = 0; ; attempt++) {
    const release = tryLock(file, timeoutMs + 30_000);
    if (release) {
      try {
        return await refreshHolding(round, options.refresh);
      } finally {
        release();
      }
    }
    lastHolder = lockHolder(file) ?? lastHolder;
    if (round.now() - round.started > waitMs) {
      throw new HelperError(
        `timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${round.host} by process ${lastHolder || 'unknown'}`
      );
    }
    await sleep(Math.min(25 * 2 ** Math.min(attempt, 3), 200) + Math.floor(Math.random() * 20));
    const current = readCached(round.dir, round.host);
    if (usable(round, current)) return current;
    shareFailure(round);
  }
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
  if (!hasOwn(config.hosts, host)) return undefined;
  const now = options.now ?? Date.now;
  const answer = (credential: HelperCredential): DockerCredential => ({
    ServerURL: host,
    Username: credential.username,
    Secret: credential.secret
  });
  const cached = readCached(dir, host);
  if (config.refresh === 'never') return answer(unrenewed(config, host, cached, now()));
  if (cached && cached.expiresAt.getTime() - now() > reuseMarginMs(cached)) return answer(cached);
  const round: GetRound = { dir, host, now, started: now() };
  shareFailure(round);
  return answer(await refreshed(round, config, options));
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
  const list = nullRecord<string>();
  for (const host of Object.keys(config.hosts)) list[host] = readCached(dir, host)?.username ?? usernameFor(config.hosts[host]);
  return list;
}

/** The user name a host's credential carries. */
export function usernameFor(entry: HelperHost): string {
  return entry.kind === 'acr' ? ACR_USERNAME : CHAINGUARD_USERNAME;
}
