/**
 * The credential helper's cache: one file per registry host holding the current credential
 * (0600, replaced atomically), and the record of a refresh that failed a moment ago, which the
 * gets that follow share instead of each trying again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readRegularFile, writeFileAtomic } from '../fs/atomic.js';
import { isRecord } from '../json.js';
import { MAX_SMALL_FILE_BYTES, type HelperCredential } from './config.js';

/**
 * A cached credential is handed out while more than this is left, or more than half its lifetime
 * (from when it was obtained to its expiry) when that is less: a token living 8 s is reused while
 * more than 4 s are left, so that short-lived tokens do not make every get refresh.
 */
export const DEFAULT_MIN_REMAINING_SECONDS = 300;
/** How long a failed refresh answers the gets after it, instead of each trying again. */
export const FAILURE_WINDOW_MS = 10_000;
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
export const lockFile = (dir: string, host: string): string => path.join(dir, `refresh-${fileKey(host)}.lock`);

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
    return isRecord(value) ? value : undefined;
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
export function recentFailure(dir: string, host: string, now: number): FailureRecord | undefined {
  const entry = readSmallJson(failureFile(dir, host));
  if (!entry || entry.host !== host || typeof entry.message !== 'string' || typeof entry.at !== 'number') return undefined;
  return now - entry.at < FAILURE_WINDOW_MS && entry.at <= now + 1_000 ? { host, message: entry.message, at: entry.at } : undefined;
}

/** Records a failed refresh (0600), for the gets waiting on it and those that follow within the window. */
export function recordFailure(dir: string, host: string, message: string, now: number): void {
  try {
    writeFileAtomic(failureFile(dir, host), `${JSON.stringify({ host, message, at: now } satisfies FailureRecord)}\n`);
  } catch {
    // Without the record, the next get tries again: slower, not wrong.
  }
}

export function clearFailure(dir: string, host: string): void {
  try {
    fs.rmSync(failureFile(dir, host), { force: true });
  } catch {
    // A record that stays only answers for the rest of its window.
  }
}
